import type { ResourceDeclaration } from '../types';
import { addFollowers, addToWorkflow, removeFollowers, removeFromWorkflow } from './automation';
import { addToCampaign, removeFromAllCampaigns, removeFromCampaign } from './campaigns';
import { create } from './create';
import { deleteContact } from './delete';
import { find } from './find';
import { get } from './get';
import { list } from './list';
import { getAppointments, getDuplicate, getManyByBusiness } from './reads';
import { search } from './search';
import { addTags, bulkUpdateTags, removeTags } from './tags';
import { update } from './update';
import { upsert } from './upsert';

export const contactResource: ResourceDeclaration = {
	area: 'crm',
	value: 'contact',
	name: 'Contact',
	description: 'People and companies in a sub-account',
	operations: [
		addFollowers,
		addTags,
		addToCampaign,
		addToWorkflow,
		bulkUpdateTags,
		create,
		upsert,
		deleteContact,
		find,
		get,
		getAppointments,
		getDuplicate,
		getManyByBusiness,
		list,
		removeFollowers,
		removeFromAllCampaigns,
		removeFromCampaign,
		removeFromWorkflow,
		removeTags,
		search,
		update,
	],
};
