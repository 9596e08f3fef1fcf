// Every parameter's value is checked against its type before anything is sent: a value that is
// not what the parameter holds (typed in, or produced by an expression) is an error naming the
// parameter, and no request reaches HighLevel.
import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject } from 'n8n-workflow';

import type { Sandbox } from '../../sandbox';
import { startSandbox } from '../../sandbox';
import { byId, runOperation } from './fixtures';

let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox({ port: 0, seedContacts: 3 });
});
afterAll(async () => await sandbox.close());
beforeEach(() => sandbox.reset());

const contact = () => byId([...sandbox.state.contacts.values()][0].id);

type Case = [what: string, resource: string, operation: string, parameters: () => IDataObject, message: RegExp];

const cases: Case[] = [
	// Lists: an object must not become the tag "[object Object]".
	['tags given as an object (expression)', 'contact', 'addTags', () => ({ contactId: contact(), tags: '={{ { vip: true } }}' }), /^Tag Names or IDs: expected a list of values, got an object$/],
	['tags given as a list of objects', 'contact', 'addTags', () => ({ contactId: contact(), tags: '={{ [{ name: "vip" }] }}' }), /^Tag Names or IDs: expected a list of values, got a list holding objects or lists$/],
	['a text list field given an object', 'contact', 'update', () => ({ contactId: contact(), updateFields: { tags: '={{ { a: 1 } }}' } }), /^Tags: expected text, got an object$/],
	// Dates that do not exist, or are no dates.
	['a 30 February', 'contactTask', 'create', () => ({ contactId: contact(), title: 'Call', dueDate: '2024-02-30T10:00:00' }), /^Due Date: "2024-02-30T10:00:00" is not a valid date and time/],
	['a date-only 30 February', 'contactTask', 'create', () => ({ contactId: contact(), title: 'Call', dueDate: '2024-02-30' }), /^Due Date: "2024-02-30" is not a valid date and time/],
	['free text as a date', 'contactTask', 'create', () => ({ contactId: contact(), title: 'Call', dueDate: 'Call me 5' }), /^Due Date: "Call me 5" is not a valid date and time/],
	['an hour 25', 'contactTask', 'create', () => ({ contactId: contact(), title: 'Call', dueDate: '2024-03-01T25:00:00Z' }), /^Due Date: .* is not a valid date and time/],
	['an object as a date (expression)', 'contactTask', 'create', () => ({ contactId: contact(), title: 'Call', dueDate: '={{ { when: "soon" } }}' }), /^Due Date: .* is not a valid date and time/],
	// Integers in range.
	['a limit of -5', 'contact', 'search', () => ({ limit: -5 }), /^Limit: "-5" is less than 1$/],
	['a limit of 0', 'contact', 'search', () => ({ limit: 0 }), /^Limit: "0" is less than 1$/],
	['a limit of "abc" (expression)', 'contact', 'search', () => ({ limit: '={{ "abc" }}' }), /^Limit: "abc" is not a number$/],
	['a limit of 2.5', 'association', 'getAll', () => ({ limit: 2.5 }), /^Limit: "2.5" is not a whole number$/],
	// Ids in paths: one HighLevel id, nothing else.
	['a record id with a slash', 'relation', 'getByRecord', () => ({ recordId: 'abc/def' }), /^Record ID: "abc\/def" is not a valid ID$/],
	['a record id with a space', 'relation', 'getByRecord', () => ({ recordId: 'abc def' }), /^Record ID: "abc def" is not a valid ID$/],
	['a relation id that climbs the path', 'relation', 'delete', () => ({ relationId: '../associations' }), /^Relation ID: "\.\.\/associations" is not a valid ID$/],
	['a relation id of whitespace (expression)', 'relation', 'delete', () => ({ relationId: '={{ "   " }}' }), /^Relation ID: this parameter is required$/],
	['a key with a query string', 'association', 'getByKey', () => ({ keyName: 'contact_company?x=1' }), /^Key: "contact_company\?x=1" is not a valid ID$/],
	['an object key with a slash', 'association', 'getByObjectKey', () => ({ objectKey: 'custom_objects/pets' }), /^Object Key: "custom_objects\/pets" is not a valid ID$/],
	['an association id given an object (expression)', 'association', 'get', () => ({ associationId: byId('={{ { id: 1 } }}') }), /^Association: expected text, got an object$/],
	// Fixed choices and switches.
	['a choice that is not offered (expression)', 'contact', 'bulkUpdateTags', () => ({ type: '={{ "replace" }}', contacts: 'a1', tags: 'vip' }), /is not one of "add", "remove"$/],
	['a switch that is not true or false (expression)', 'contact', 'bulkUpdateTags', () => ({ type: 'remove', contacts: 'a1', tags: 'vip', removeAllTags: '={{ "yes" }}' }), /^Remove All Tags: expected true or false, got "yes"$/],
];

describe('values that do not fit their parameter', () => {
	it.each(cases)('refuses %s before sending anything', async (_what, resource, operation, parameters, message) => {
		const result = await runOperation(sandbox, resource, operation, parameters());
		expect(result.error).toBeInstanceOf(NodeOperationError);
		expect(result.error?.message).toMatch(message);
		expect(result.error?.description).toMatch(/Nothing was sent to HighLevel/);
		expect(sandbox.requests).toHaveLength(0);
	});
});

describe('values that fit', () => {
	it('sends tags from an array expression and a real date', async () => {
		const result = await runOperation(sandbox, 'contactTask', 'create', { contactId: contact(), title: 'Call', dueDate: '2024-02-29T10:00:00Z' });
		expect(result.error).toBeUndefined();
		const tags = await runOperation(sandbox, 'contact', 'addTags', { contactId: contact(), tags: '={{ ["vip", "new"] }}' });
		expect(tags.error).toBeUndefined();
		expect(sandbox.requests.map((r) => r.status)).toEqual([201, 201]);
	});

	it('takes a date from a Luxon expression and a limit from a numeric text', async () => {
		const task = await runOperation(sandbox, 'contactTask', 'create', { contactId: contact(), title: 'Call', dueDate: '={{ $now.plus({ days: 1 }) }}' });
		expect(task.error).toBeUndefined();
		const search = await runOperation(sandbox, 'contact', 'search', { limit: '={{ "2" }}' });
		expect(search.error).toBeUndefined();
		expect(search.items).toHaveLength(2);
	});
});
