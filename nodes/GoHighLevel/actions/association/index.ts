import type { INodeProperties } from 'n8n-workflow';

import { recordLocator, textParam, VERSION } from '../kit';
import type { OperationDeclaration, ResourceInfo, SendTo } from '../../engine/declarations';

const READ = ['associations.readonly'];
const WRITE = ['associations.write'];

/** Association fields are all required by HighLevel. */
const requiredText = (displayName: string, name: string, send: SendTo, extra: Partial<INodeProperties> = {}) => textParam(displayName, name, send, { required: true, ...extra });

const associationId = recordLocator({ name: 'associationId', displayName: 'Association', searchMethod: 'searchAssociations', send: { in: 'path' } });
const paging = { style: 'offset' as const, in: 'query' as const, limit: 'limit', offset: 'skip', counts: 'items' as const, pageSize: 100 };

export const operations: OperationDeclaration[] = [
	{
		resource: 'association',
		operation: 'getAll',
		name: 'Get Many',
		action: 'Get associations',
		description: 'List the association types of the location (e.g. contact ↔ company)',
		method: 'GET',
		path: '/associations/',
		version: VERSION,
		scopes: READ,
		location: { in: 'query' },
		params: [],
		paging,
		output: { root: 'associations|', list: true },
	},
	{
		resource: 'association',
		operation: 'get',
		name: 'Get',
		action: 'Get an association',
		description: 'Retrieve one association type',
		method: 'GET',
		path: '/associations/{associationId}',
		version: VERSION,
		scopes: READ,
		location: { in: 'token' },
		params: [associationId],
		output: {},
	},
	{
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
	},
	{
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
	},
	{
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
	},
	{
		resource: 'association',
		operation: 'update',
		name: 'Update',
		action: 'Update an association',
		description: 'Rename the labels of an association type',
		method: 'PUT',
		path: '/associations/{associationId}',
		version: VERSION,
		scopes: WRITE,
		location: { in: 'token' },
		params: [associationId, requiredText('First Object Label', 'firstObjectLabel', { in: 'body' }), requiredText('Second Object Label', 'secondObjectLabel', { in: 'body' })],
		output: {},
	},
	{
		resource: 'association',
		operation: 'delete',
		name: 'Delete',
		action: 'Delete an association',
		description: 'Delete an association type and its relations',
		method: 'DELETE',
		path: '/associations/{associationId}',
		version: VERSION,
		scopes: WRITE,
		location: { in: 'token' },
		params: [associationId],
		output: { confirm: true },
	},
];

export const relations: OperationDeclaration[] = [
	{
		resource: 'relation',
		operation: 'getByRecord',
		name: 'Get Many by Record',
		action: 'Get relations of a record',
		description: 'List the records linked to a record',
		method: 'GET',
		path: '/associations/relations/{recordId}',
		version: VERSION,
		scopes: ['associations/relation.readonly'],
		location: { in: 'query' },
		params: [
			requiredText('Record ID', 'recordId', { in: 'path' }, { description: 'A contact, opportunity or custom object record' }),
			{
				property: { displayName: 'Association IDs', name: 'associationIds', type: 'string', default: '', description: 'Comma-separated association IDs to limit the relations to' },
				send: { in: 'query', as: 'list' },
			},
		],
		paging,
		output: { root: 'relations|', list: true },
	},
	{
		resource: 'relation',
		operation: 'create',
		name: 'Create',
		action: 'Link two records',
		description: 'Link two records through an association',
		method: 'POST',
		path: '/associations/relations',
		version: VERSION,
		scopes: ['associations/relation.write'],
		location: { in: 'body' },
		params: [{ ...associationId, send: { in: 'body' } }, requiredText('First Record ID', 'firstRecordId', { in: 'body' }), requiredText('Second Record ID', 'secondRecordId', { in: 'body' })],
		output: {},
	},
	{
		resource: 'relation',
		operation: 'delete',
		name: 'Delete',
		action: 'Unlink two records',
		description: 'Delete a relation between two records',
		method: 'DELETE',
		path: '/associations/relations/{relationId}',
		version: VERSION,
		scopes: ['associations/relation.write'],
		location: { in: 'query' },
		params: [requiredText('Relation ID', 'relationId', { in: 'path' })],
		output: { confirm: true },
	},
];

export const associationResource: ResourceInfo = {
	area: 'crm',
	value: 'association',
	name: 'Association',
	description: 'Association types between objects',
};

export const relationResource: ResourceInfo = {
	area: 'crm',
	value: 'relation',
	name: 'Relation',
	description: 'Links between two records',
	defaultOperation: 'getByRecord',
};
