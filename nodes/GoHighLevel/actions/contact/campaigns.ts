import { recordLocator, VERSION } from '../kit';
import type { OperationDeclaration } from '../../engine/declarations';
import { contactIdParam } from './fields';

const campaignParam = recordLocator({
	name: 'campaignId',
	displayName: 'Campaign',
	searchMethod: 'searchCampaigns',
	send: { in: 'path' },
	description: 'A campaign of the location',
});

export const addToCampaign: OperationDeclaration = {
	resource: 'contact',
	operation: 'addToCampaign',
	name: 'Add to Campaign',
	action: 'Add a contact to a campaign',
	description: 'Enrol a contact in a campaign',
	method: 'POST',
	path: '/contacts/{contactId}/campaigns/{campaignId}',
	version: VERSION,
	scopes: ['contacts.write'],
	location: { in: 'token' },
	params: [contactIdParam, campaignParam],
	output: { confirm: true },
};

export const removeFromCampaign: OperationDeclaration = {
	...addToCampaign,
	operation: 'removeFromCampaign',
	name: 'Remove From Campaign',
	action: 'Remove a contact from a campaign',
	description: 'Stop a contact’s enrolment in one campaign',
	method: 'DELETE',
};

export const removeFromAllCampaigns: OperationDeclaration = {
	resource: 'contact',
	operation: 'removeFromAllCampaigns',
	name: 'Remove From All Campaigns',
	action: 'Remove a contact from every campaign',
	description: 'Stop every campaign enrolment of a contact',
	method: 'DELETE',
	path: '/contacts/{contactId}/campaigns/removeAll',
	version: VERSION,
	scopes: ['contacts.write'],
	location: { in: 'token' },
	params: [contactIdParam],
	output: { confirm: true },
};
