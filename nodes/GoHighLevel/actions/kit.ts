import type { INodeProperties } from 'n8n-workflow';

import type { ParamDeclaration, SendTo } from '../engine/declarations';

// The parameter kit every declaration builds from: one way to write a text field, a collection,
// a user picker, a record picker, and the API versions.

/** The `Version` header most of HighLevel's v2 endpoints require. */
export const VERSION = '2021-07-28' as const;
/** The `Version` of calendars and conversations. */
export const VERSION_2021_04_15 = '2021-04-15' as const;

/** A text field. */
export function text(displayName: string, name: string, extra: Partial<INodeProperties> = {}): INodeProperties {
	return { displayName, name, type: 'string', default: '', ...extra };
}

/** A text field sent as `send` says (`extra` may make it required). */
export function textParam(displayName: string, name: string, send: SendTo, extra: Partial<INodeProperties> = {}): ParamDeclaration {
	return { property: text(displayName, name, extra), send };
}

const EXPRESSION_LINK = '<a href="https://docs.n8n.io/code/expressions/">expression</a>';

/** A dropdown of the location's users (one, or several with `multiple`), or IDs from an expression. */
export function userPicker(name: string, displayName: string, options: { description?: string; multiple?: boolean; required?: boolean } = {}): INodeProperties {
	// n8n's wording for dynamic options; a leading sentence ends the text with a period.
	const lead = options.description ? `${options.description}. ` : '';
	const end = options.description ? '.' : '';
	return options.multiple
		? {
				displayName: `${displayName} Names or IDs`,
				name,
				type: 'multiOptions',
				typeOptions: { loadOptionsMethod: 'getUsers' },
				default: [],
				...(options.required ? { required: true } : {}),
				// eslint-disable-next-line n8n-nodes-base/node-param-description-wrong-for-dynamic-multi-options
				description: `${lead}Choose from the list, or specify IDs using an ${EXPRESSION_LINK}${end}`,
			}
		: {
				displayName: `${displayName} Name or ID`,
				name,
				type: 'options',
				typeOptions: { loadOptionsMethod: 'getUsers' },
				default: '',
				...(options.required ? { required: true } : {}),
				// eslint-disable-next-line n8n-nodes-base/node-param-description-wrong-for-dynamic-options
				description: `${lead}Choose from the list, or specify an ID using an ${EXPRESSION_LINK}${end}`,
			};
}

/** Optional fields in one collection (sorted by name), sent in the body unless `send` says otherwise. */
export function collection(
	name: string,
	displayName: string,
	options: INodeProperties[],
	fields?: ParamDeclaration['fields'],
	send: SendTo = { in: 'body' },
): ParamDeclaration {
	return {
		property: {
			displayName,
			name,
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: [...options].sort((a, b) => a.displayName.localeCompare(b.displayName)),
		},
		send,
		fields,
	};
}

/** A resource locator for a HighLevel record id: pick from a searchable list, or paste the ID. */
export function recordLocator(options: {
	name: string;
	displayName: string;
	searchMethod: string;
	send: SendTo;
	required?: boolean;
	description?: string;
}): ParamDeclaration {
	return {
		property: {
			displayName: options.displayName,
			name: options.name,
			type: 'resourceLocator',
			default: { mode: 'list', value: '' },
			required: options.required ?? true,
			description: options.description,
			modes: [
				{
					displayName: 'From List',
					name: 'list',
					type: 'list',
					typeOptions: { searchListMethod: options.searchMethod, searchable: true },
				},
				{
					displayName: 'By ID',
					name: 'id',
					type: 'string',
					placeholder: 'e.g. ocQHyuzHvysMo5N5VsXc',
					validation: [
						{ type: 'regex', properties: { regex: '^[A-Za-z0-9_.:-]+$', errorMessage: 'Not a valid ID' } },
					],
				},
			],
		},
		send: options.send,
		validate: 'id',
	};
}
