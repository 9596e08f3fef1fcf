import { VERSION } from '../kit';
import type { OperationDeclaration } from '../../engine/declarations';

export const getCompany: OperationDeclaration = {
	resource: 'location',
	operation: 'getCompany',
	name: 'Get Company',
	action: 'Get the agency company',
	description: 'Retrieve the agency (company) record',
	method: 'GET',
	path: '/companies/{companyId}',
	version: VERSION,
	scopes: ['companies.readonly'],
	agencyOnly: true,
	company: { in: 'path' },
	params: [],
	output: { root: 'company' },
};
