import type { INodeProperties } from 'n8n-workflow';

import type { OperationDeclaration, ResourceDeclaration } from '../actions/types';

function showFor(decl: OperationDeclaration, property: INodeProperties): INodeProperties {
	const own = property.displayOptions?.show ?? {};
	return {
		...property,
		displayOptions: {
			...property.displayOptions,
			show: { ...own, resource: [decl.resource], operation: [decl.operation] },
		},
	};
}

export const LOCATION_PARAMETER = 'location';

function locationProperty(resource: ResourceDeclaration): INodeProperties | undefined {
	const operations = resource.operations.filter((o) => o.location).map((o) => o.operation);
	if (!operations.length) return undefined;
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
		displayOptions: { show: { resource: [resource.value], operation: operations } },
	};
}

function listProperties(decl: OperationDeclaration): INodeProperties[] {
	if (!decl.output.list) return [];
	return [
		showFor(decl, {
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			default: false,
			description: 'Whether to return all results or only up to a given limit',
		}),
		showFor(decl, {
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 50,
			description: 'Max number of results to return',
			displayOptions: { show: { returnAll: [false] } },
		}),
	];
}

function simplifyProperty(decl: OperationDeclaration): INodeProperties[] {
	if (!decl.output.simplify?.length) return [];
	return [
		showFor(decl, {
			displayName: 'Simplify',
			name: 'simplify',
			type: 'boolean',
			default: false,
			description: `Whether to return only the main fields (${decl.output.simplify.join(', ')}) instead of the full record`,
		}),
	];
}

export const COMPANY_PARAMETER = 'companyId';

function companyProperty(resource: ResourceDeclaration): INodeProperties | undefined {
	const operations = resource.operations.filter((o) => o.company).map((o) => o.operation);
	if (!operations.length) return undefined;
	return {
		displayName: 'Company ID',
		name: COMPANY_PARAMETER,
		type: 'string',
		default: '',
		description:
			'The agency (company) to act on. Leave empty to use the company of the OAuth2 credential; required with a Private Integration token.',
		displayOptions: { show: { resource: [resource.value], operation: operations } },
	};
}

export const CUSTOM_FIELDS_BY_NAME = 'customFieldsByName';

export function offersCustomFieldsByName(decl: OperationDeclaration): boolean {
	return Boolean(decl.customFields) && !decl.output.confirm;
}

function customFieldsByNameProperty(decl: OperationDeclaration): INodeProperties[] {
	if (!offersCustomFieldsByName(decl)) return [];
	return [
		showFor(decl, {
			displayName: 'Custom Fields by Name',
			name: CUSTOM_FIELDS_BY_NAME,
			type: 'boolean',
			default: false,
			description: 'Whether to return custom fields as { "Field Name": value } instead of a list of field IDs and values',
		}),
	];
}

function deprecatedNotice(decl: OperationDeclaration): INodeProperties[] {
	if (!decl.deprecated) return [];
	return [
		showFor(decl, {
			displayName: decl.deprecated,
			name: 'deprecatedNotice',
			type: 'notice',
			default: '',
		}),
	];
}

function defaultOperation(resource: ResourceDeclaration): string {
	const reads = resource.operations.find((o) => o.operation === 'get');
	return (reads ?? resource.operations[0]).operation;
}

/** The editor description of every declared operation: selectors, parameters, list and output options. */
export function buildProperties(resources: ResourceDeclaration[]): INodeProperties[] {
	const properties: INodeProperties[] = [
		{
			displayName: 'Resource',
			name: 'resource',
			type: 'options',
			noDataExpression: true,
			options: resources.map((r) => ({ name: r.name, value: r.value, description: r.description })),
			default: 'contact',
		},
	];
	for (const resource of resources) {
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
		const location = locationProperty(resource);
		if (location) properties.push(location);
		const company = companyProperty(resource);
		if (company) properties.push(company);
		for (const decl of resource.operations) {
			properties.push(...deprecatedNotice(decl));
			properties.push(...decl.params.map((p) => showFor(decl, p.property)));
			properties.push(...listProperties(decl));
			properties.push(...simplifyProperty(decl));
			properties.push(...customFieldsByNameProperty(decl));
		}
	}
	return properties;
}
