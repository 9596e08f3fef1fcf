import { HighLevelAreaNode } from '../GoHighLevel/actionNode';

export class GoHighLevelMarketing extends HighLevelAreaNode {
	constructor() {
		super('marketing');
	}
}
