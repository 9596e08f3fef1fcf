import type { INodeProperties } from 'n8n-workflow';

import type { OperationDeclaration, ResourceDeclaration } from './declarations';

/** Which selector values show a property: `{ resource, operation }` in the action node, `{ event }` in the trigger. */
export type Show = Record<string, string[]>;

export const LOCATION_PARAMETER = 'location';
export const COMPANY_PARAMETER = 'companyId';
export const CUSTOM_FIELDS_BY_NAME = 'customFieldsByName';

export function withShow(property: INodeProperties, show: Show): INodeProperties {
	return {
		...property,
		displayOptions: { ...property.displayOptions, show: { ...property.displayOptions?.show, ...show } },
	};
}

export function locationProperty(show: Show): INodeProperties {
	return {
		displayName: 'Location',
		name: LOCATION_PARAMETER,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		description:
			'The sub-account to act on. Leave empty to use the credential’s own location (sub-account token, or the Private Integration token’s Location ID). Required with an agency token.',
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: 'searchLocations', searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 've9EPM428h8vShlRW1KT',
				validation: [
					{ type: 'regex', properties: { regex: '^[A-Za-z0-9]+$', errorMessage: 'Not a valid location ID' } },
				],
			},
		],
		displayOptions: { show },
	};
}

export function companyProperty(show: Show): INodeProperties {
	return {
		displayName: 'Company ID',
		name: COMPANY_PARAMETER,
		type: 'string',
		default: '',
		description:
			'The agency (company) to act on. Leave empty to use the company of the OAuth2 credential; required with a Private Integration token.',
		displayOptions: { show },
	};
}

export function offersCustomFieldsByName(decl: OperationDeclaration): boolean {
	return Boolean(decl.customFields) && !decl.output.confirm;
}

/** The declared parameters of an operation plus its output options (Simplify, custom fields by name). */
export function operationProperties(decl: OperationDeclaration, show: Show): INodeProperties[] {
	const properties: INodeProperties[] = [];
	if (decl.deprecated) {
		properties.push(withShow({ displayName: decl.deprecated, name: 'deprecatedNotice', type: 'notice', default: '' }, show));
	}
	properties.push(...decl.params.map((p) => withShow(p.property, show)));
	if (decl.output.simplify?.length) {
		properties.push(
			withShow(
				{
					displayName: 'Simplify',
					name: 'simplify',
					type: 'boolean',
					default: false,
					description: `Whether to return only the main fields (${decl.output.simplify.join(', ')}) instead of the full record`,
				},
				show,
			),
		);
	}
	if (offersCustomFieldsByName(decl)) {
		properties.push(
			withShow(
				{
					displayName: 'Custom Fields by Name',
					name: CUSTOM_FIELDS_BY_NAME,
					type: 'boolean',
					default: false,
					description: 'Whether to return custom fields as { "Field Name": value } instead of a list of field IDs and values',
				},
				show,
			),
		);
	}
	return properties;
}

function listProperties(show: Show): INodeProperties[] {
	return [
		withShow(
			{
				displayName: 'Return All',
				name: 'returnAll',
				type: 'boolean',
				default: false,
				description: 'Whether to return all results or only up to a given limit',
			},
			show,
		),
		withShow(
			{
				displayName: 'Limit',
				name: 'limit',
				type: 'number',
				typeOptions: { minValue: 1 },
				default: 50,
				description: 'Max number of results to return',
				displayOptions: { show: { returnAll: [false] } },
			},
			show,
		),
	];
}

function defaultOperation(resource: ResourceDeclaration): string {
	const chosen = resource.defaultOperation ?? (resource.operations.some((o) => o.operation === 'get') ? 'get' : undefined);
	if (!chosen || !resource.operations.some((o) => o.operation === chosen)) {
		throw new Error(`Resource ${resource.value} needs a defaultOperation among its operations (it has no "get")`);
	}
	return chosen;
}

/** The action node's editor description: selectors, then each operation's parameters and options. */
export function buildProperties(resources: ResourceDeclaration[], defaultResource = resources[0].value): INodeProperties[] {
	const properties: INodeProperties[] = [
		{
			displayName: 'Resource',
			name: 'resource',
			type: 'options',
			noDataExpression: true,
			options: resources.map((r) => ({ name: r.name, value: r.value, description: r.description })),
			default: defaultResource,
		},
	];
	for (const declared of resources) {
		const resource = { ...declared, operations: inOrder(declared) };
		properties.push({
			displayName: 'Operation',
			name: 'operation',
			type: 'options',
			noDataExpression: true,
			displayOptions: { show: { resource: [resource.value] } },
			options: resource.operations
				.map((o) => ({
					name: o.name,
					value: o.operation,
					action: o.action,
					description: o.agencyOnly ? `${o.description} (agency token only)` : o.description,
				}))
				.sort((a, b) => a.name.localeCompare(b.name)),
			default: defaultOperation(resource),
		});
		const located = resource.operations.filter((o) => o.location).map((o) => o.operation);
		if (located.length) properties.push(locationProperty({ resource: [resource.value], operation: located }));
		const withCompany = resource.operations.filter((o) => o.company).map((o) => o.operation);
		if (withCompany.length) properties.push(companyProperty({ resource: [resource.value], operation: withCompany }));
		const perOperation = resource.operations.flatMap((decl) => {
			const show = { resource: [decl.resource], operation: [decl.operation] };
			return [...operationProperties(decl, show), ...(decl.output.list ? listProperties(show) : [])];
		});
		properties.push(...shareAcross(perOperation, 'operation'));
	}
	return properties;
}

/**
 * A resource's operations: those its `operationOrder` names first, in that order (the order the
 * editor showed before the resource was split into files), then any others as found, so that a new
 * operation file needs no edit elsewhere. A name that matches no operation is a mistake.
 */
function inOrder(resource: ResourceDeclaration): OperationDeclaration[] {
	const order = resource.operationOrder;
	if (!order) return resource.operations;
	const unknown = order.filter((operation) => !resource.operations.some((o) => o.operation === operation));
	if (unknown.length) throw new Error(`${resource.value}: operationOrder names no operation ${unknown.join(', ')}`);
	const rank = (o: OperationDeclaration) => {
		const at = order.indexOf(o.operation);
		return at === -1 ? order.length : at;
	};
	// Array.prototype.sort is stable: unlisted operations keep the order they were found in.
	return [...resource.operations].sort((x, y) => rank(x) - rank(y));
}

/**
 * Declares a parameter once for every operation (or event) that has it identically, with one
 * displayOptions entry naming them all, instead of one copy per operation: the description the
 * editor downloads shrinks by the repeats (the size budget in test/contract/descriptionSize.test.ts).
 * Each operation still shows its parameters in its own order: a copy is shared only where that
 * keeps the order, and a new one is placed right after the operation's previous parameter.
 */
export function shareAcross(properties: INodeProperties[], selector: 'operation' | 'event'): INodeProperties[] {
	const merged: Array<{ key: string; property: INodeProperties }> = [];
	const cursors = new Map<string, number>();
	for (const property of properties) {
		const { [selector]: selected = [], ...otherShow } = property.displayOptions?.show ?? {};
		const owner = JSON.stringify(selected);
		const key = JSON.stringify({ ...property, displayOptions: { ...property.displayOptions, show: otherShow } });
		const cursor = cursors.get(owner) ?? -1;
		const at = merged.findIndex((m, index) => index > cursor && m.key === key);
		if (at >= 0) {
			const show = merged[at].property.displayOptions!.show!;
			show[selector] = [...(show[selector] ?? []), ...selected];
			cursors.set(owner, at);
			continue;
		}
		const copy = { ...property, displayOptions: { ...property.displayOptions, show: { ...property.displayOptions?.show, [selector]: [...selected] } } };
		merged.splice(cursor + 1, 0, { key, property: copy });
		// Everything after the insertion moved one place: so did the other owners' cursors.
		for (const [other, index] of cursors) if (index > cursor) cursors.set(other, index + 1);
		cursors.set(owner, cursor + 1);
	}
	return merged.map((m) => m.property);
}
