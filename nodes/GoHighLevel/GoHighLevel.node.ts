import { HighLevelAreaNode } from './actionNode';

/** CRM: contacts, calendars, opportunities, conversations, users, locations and more (node type `goHighLevel`). */
export class GoHighLevel extends HighLevelAreaNode {
	constructor() {
		super('crm');
	}
}
