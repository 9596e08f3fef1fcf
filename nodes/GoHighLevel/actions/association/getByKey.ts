import { VERSION } from '../kit';
import type { OperationDeclaration } from '../../engine/declarations';
import { READ, requiredText } from './fields';

export const getByKey: OperationDeclaration = {
	resource: 'association',
	operation: 'getByKey',
	name: 'Get by Key',
	action: 'Get an association by its key',
	description: 'Retrieve an association type by its key name',
	method: 'GET',
	path: '/associations/key/{key_name}',
	version: VERSION,
	scopes: READ,
	location: { in: 'query' },
	params: [requiredText('Key', 'keyName', { in: 'path', name: 'key_name' }, { placeholder: 'e.g. contact_company' })],
	output: {},
};
