import { recordLocator, userPicker, VERSION } from '../kit';
import type { OperationDeclaration } from '../../engine/declarations';
import { contactIdParam } from './fields';

const workflowParam = recordLocator({ name: 'workflowId', displayName: 'Workflow', searchMethod: 'searchWorkflows', send: { in: 'path' } });

export const addToWorkflow: OperationDeclaration = {
	resource: 'contact',
	operation: 'addToWorkflow',
	name: 'Add to Workflow',
	action: 'Add a contact to a workflow',
	description: 'Enrol a contact in an automation workflow',
	method: 'POST',
	path: '/contacts/{contactId}/workflow/{workflowId}',
	version: VERSION,
	scopes: ['contacts.write'],
	location: { in: 'token' },
	params: [
		contactIdParam,
		workflowParam,
		{
			property: { displayName: 'Event Start Time', name: 'eventStartTime', type: 'dateTime', default: '', description: 'Start time of the event the workflow waits on (for appointment-based workflows)' },
			send: { in: 'body', as: 'dateTime' },
		},
	],
	output: { confirm: true },
};

export const removeFromWorkflow: OperationDeclaration = {
	...addToWorkflow,
	operation: 'removeFromWorkflow',
	name: 'Remove From Workflow',
	action: 'Remove a contact from a workflow',
	description: 'Stop a contact’s enrolment in a workflow',
	method: 'DELETE',
	params: [contactIdParam, workflowParam],
};

const followers = {
	property: userPicker('followers', 'Follower', { multiple: true, required: true }),
	send: { in: 'body' as const, as: 'list' as const },
};

export const addFollowers: OperationDeclaration = {
	resource: 'contact',
	operation: 'addFollowers',
	name: 'Add Followers',
	action: 'Add followers to a contact',
	description: 'Add users who follow a contact',
	method: 'POST',
	path: '/contacts/{contactId}/followers',
	version: VERSION,
	scopes: ['contacts.write'],
	location: { in: 'token' },
	params: [contactIdParam, followers],
	output: {},
};

export const removeFollowers: OperationDeclaration = {
	...addFollowers,
	operation: 'removeFollowers',
	name: 'Remove Followers',
	action: 'Remove followers from a contact',
	description: 'Remove users from the followers of a contact',
	method: 'DELETE',
};
