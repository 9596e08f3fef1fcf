import type { ResourceDeclaration } from '../types';
import { create } from './create';
import { deleteContact } from './delete';
import { get } from './get';
import { list } from './list';
import { search } from './search';
import { update } from './update';
import { upsert } from './upsert';

export const contactResource: ResourceDeclaration = {
	value: 'contact',
	name: 'Contact',
	description: 'People and companies in a sub-account',
	operations: [create, upsert, deleteContact, get, list, search, update],
};
