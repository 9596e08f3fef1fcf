import { VERSION } from '../kit';
import type { OperationDeclaration } from '../../engine/declarations';
import { READ, requiredText } from './fields';

export const getByObjectKey: OperationDeclaration = {
	resource: 'association',
	operation: 'getByObjectKey',
	name: 'Get by Object Key',
	action: 'Get associations of an object',
	description: 'List the association types an object (e.g. contact or custom_objects.pets) takes part in',
	method: 'GET',
	path: '/associations/objectKey/{objectKey}',
	version: VERSION,
	scopes: READ,
	location: { in: 'query' },
	params: [requiredText('Object Key', 'objectKey', { in: 'path' }, { placeholder: 'e.g. custom_objects.pets' })],
	output: { root: 'associations|', list: true },
};
