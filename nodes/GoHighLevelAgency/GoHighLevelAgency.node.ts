import { HighLevelAreaNode } from '../GoHighLevel/actionNode';

export class GoHighLevelAgency extends HighLevelAreaNode {
	constructor() {
		super('agency');
	}
}
