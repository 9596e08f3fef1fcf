import { VERSION } from '../kit';
import type { OperationDeclaration } from '../../engine/declarations';
import { WRITE, requiredText } from './fields';

export const create: OperationDeclaration = {
	resource: 'association',
	operation: 'create',
	name: 'Create',
	action: 'Create an association',
	description: 'Define a new association type between two objects',
	method: 'POST',
	path: '/associations/',
	version: VERSION,
	scopes: WRITE,
	location: { in: 'body' },
	params: [
		requiredText('Key', 'key', { in: 'body' }, { placeholder: 'e.g. student_teacher' }),
		requiredText('First Object Key', 'firstObjectKey', { in: 'body' }, { placeholder: 'e.g. contact' }),
		requiredText('First Object Label', 'firstObjectLabel', { in: 'body' }, { placeholder: 'e.g. Student' }),
		requiredText('Second Object Key', 'secondObjectKey', { in: 'body' }, { placeholder: 'e.g. custom_objects.teachers' }),
		requiredText('Second Object Label', 'secondObjectLabel', { in: 'body' }, { placeholder: 'e.g. Teacher' }),
	],
	output: {},
};
