import type { ResourceDeclaration } from '../types';
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
	value: 'contact',
	name: 'Contact',
	description: 'People and companies in a sub-account',
	operations: [
		addTags,
		addToCampaign,
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
		removeFromAllCampaigns,
		removeFromCampaign,
		removeTags,
		search,
		update,
	],
};
