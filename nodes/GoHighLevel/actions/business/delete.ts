import { VERSION } from '../kit';
import type { OperationDeclaration } from '../../engine/declarations';
import { businessId } from './fields';

export const deleteBusiness: OperationDeclaration = {
	resource: 'business',
	operation: 'delete',
	name: 'Delete',
	action: 'Delete a business',
	description: 'Delete a business; its contacts stay',
	method: 'DELETE',
	path: '/businesses/{businessId}',
	version: VERSION,
	scopes: ['businesses.write'],
	location: { in: 'token' },
	params: [businessId],
	output: { confirm: true },
};
