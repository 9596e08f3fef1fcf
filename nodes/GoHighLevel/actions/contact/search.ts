import { VERSION } from '../kit';
import type { OperationDeclaration } from '../../engine/declarations';
import { CONTACT_SIMPLE_FIELDS } from './fields';

export const search: OperationDeclaration = {
	resource: 'contact',
	operation: 'search',
	name: 'Search',
	action: 'Search contacts',
	description: 'Find contacts with free text, advanced filters and sorting; Return All pages past 10,000 results',
	method: 'POST',
	path: '/contacts/search',
	version: VERSION,
	scopes: ['contacts.readonly'],
	idempotent: true,
	location: { in: 'body' },
	customFields: 'contact',
	params: [
		{
			property: {
				displayName: 'Query',
				name: 'query',
				type: 'string',
				default: '',
				description: 'Free text matched against name, email, phone and company',
			},
			send: { in: 'body' },
		},
		{
			property: {
				displayName: 'Filters (JSON)',
				name: 'filters',
				type: 'json',
				default: '[]',
				description:
					'HighLevel search filters, e.g. [{"field":"tags","operator":"contains","value":"vip"}]. Groups: {"group":"OR","filters":[...]}.',
			},
			send: { in: 'body', as: 'json' },
		},
		{
			property: {
				displayName: 'Sort',
				name: 'sort',
				type: 'fixedCollection',
				typeOptions: { multipleValues: true },
				placeholder: 'Add Sort Rule',
				default: {},
				options: [
					{
						displayName: 'Rule',
						name: 'rule',
						values: [
							{
								displayName: 'Field',
								name: 'field',
								type: 'options',
								options: [
									{ name: 'Date Added', value: 'dateAdded' },
									{ name: 'Date Updated', value: 'dateUpdated' },
									{ name: 'Email', value: 'email' },
									{ name: 'First Name', value: 'firstNameLowerCase' },
									{ name: 'Last Name', value: 'lastNameLowerCase' },
								],
								default: 'dateAdded',
							},
							{
								displayName: 'Direction',
								name: 'direction',
								type: 'options',
								options: [
									{ name: 'Ascending', value: 'asc' },
									{ name: 'Descending', value: 'desc' },
								],
								default: 'desc',
							},
						],
					},
				],
			},
			send: { in: 'body', as: 'rows' },
		},
	],
	paging: {
		style: 'cursor',
		in: 'body',
		limit: 'pageLimit',
		pageSize: 100,
		start: { page: 1 },
		// Page numbers stop at 10,000 records; the searchAfter cursor of the last record does not.
		next: { searchAfter: '$last.searchAfter' },
	},
	output: { root: 'contacts', list: true, simplify: CONTACT_SIMPLE_FIELDS },
};
