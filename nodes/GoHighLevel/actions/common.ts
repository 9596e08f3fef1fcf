import type { ParamDeclaration, SendTo } from '../engine/declarations';

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
