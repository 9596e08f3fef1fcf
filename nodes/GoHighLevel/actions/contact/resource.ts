import type { ResourceInfo } from '../../engine/declarations';

export const contactResource: ResourceInfo = {
	area: 'crm',
	value: 'contact',
	name: 'Contact',
	description: 'People and companies in a sub-account',
};
