import { CUSTOM_FIELD_DEFINITIONS } from '../engine/customFields';
import type { LookupDeclaration } from '../engine/declarations';

// Every request the dropdowns and searchable lists send. lookupRequest (target.ts) sends only
// these, with only the declared parameter names; the contract test checks them against the spec.

const V = '2021-07-28';
const CALENDARS = '2021-04-15';

export const LOOKUPS = {
	users: { method: 'GET', path: '/users/', version: V, scopes: ['users.readonly'], query: ['locationId'] },
	agencyUsers: { method: 'GET', path: '/users/search', version: V, scopes: ['users.readonly'], query: ['companyId', 'limit', 'query'] },
	customFields: CUSTOM_FIELD_DEFINITIONS,
	pipelines: { method: 'GET', path: '/opportunities/pipelines', version: V, scopes: ['opportunities.readonly'], query: ['locationId'] },
	timezones: { method: 'GET', path: '/locations/{locationId}/timezones', version: V, scopes: ['locations.readonly'] },
	tags: { method: 'GET', path: '/locations/{locationId}/tags', version: V, scopes: ['locations/tags.readonly'] },
	location: { method: 'GET', path: '/locations/{locationId}', version: V, scopes: ['locations.readonly'] },
	locations: { method: 'GET', path: '/locations/search', version: V, scopes: ['locations.readonly'], query: ['companyId', 'skip', 'limit'] },
	contacts: { method: 'POST', path: '/contacts/search', version: V, scopes: ['contacts.readonly'], body: ['locationId', 'page', 'pageLimit', 'query'] },
	tasks: { method: 'GET', path: '/contacts/{contactId}/tasks', version: V, scopes: ['contacts.readonly'] },
	notes: { method: 'GET', path: '/contacts/{contactId}/notes', version: V, scopes: ['contacts.readonly'] },
	campaigns: { method: 'GET', path: '/campaigns/', version: V, scopes: ['campaigns.readonly'], query: ['locationId'] },
	businesses: { method: 'GET', path: '/businesses/', version: V, scopes: ['businesses.readonly'], query: ['locationId'] },
	opportunities: { method: 'GET', path: '/opportunities/search', version: V, scopes: ['opportunities.readonly'], query: ['location_id', 'limit', 'q'] },
	workflows: { method: 'GET', path: '/workflows/', version: V, scopes: ['workflows.readonly'], query: ['locationId'] },
	conversations: { method: 'GET', path: '/conversations/search', version: '2021-04-15', scopes: ['conversations.readonly'], query: ['locationId', 'limit', 'query'] },
	associations: { method: 'GET', path: '/associations/', version: V, scopes: ['associations.readonly'], query: ['locationId', 'skip', 'limit'] },
	blogs: { method: 'GET', path: '/blogs/site/all', version: V, scopes: ['blogs/list.readonly'], query: ['locationId', 'skip', 'limit', 'searchTerm'] },
	blogAuthors: { method: 'GET', path: '/blogs/authors', version: V, scopes: ['blogs/author.readonly'], query: ['locationId', 'limit', 'offset'] },
	blogCategories: { method: 'GET', path: '/blogs/categories', version: V, scopes: ['blogs/category.readonly'], query: ['locationId', 'limit', 'offset'] },
	calendars: { method: 'GET', path: '/calendars/', version: CALENDARS, scopes: ['calendars.readonly'], query: ['locationId'] },
	calendarGroups: { method: 'GET', path: '/calendars/groups', version: CALENDARS, scopes: ['calendars/groups.readonly'], query: ['locationId'] },
	events: { method: 'GET', path: '/calendars/events', version: CALENDARS, scopes: ['calendars/events.readonly'], query: ['locationId', 'calendarId', 'startTime', 'endTime'] },
	blockedSlots: { method: 'GET', path: '/calendars/blocked-slots', version: CALENDARS, scopes: ['calendars/events.readonly'], query: ['locationId', 'calendarId', 'startTime', 'endTime'] },
	appointmentNotes: { method: 'GET', path: '/calendars/appointments/{appointmentId}/notes', version: CALENDARS, scopes: ['calendars/events.readonly'], query: ['limit', 'offset'] },
	calendarNotifications: { method: 'GET', path: '/calendars/{calendarId}/notifications', version: CALENDARS, scopes: ['calendars/events.readonly'] },
	calendarResources: { method: 'GET', path: '/calendars/resources/{resourceType}', version: CALENDARS, scopes: ['calendars/resources.readonly'], query: ['locationId', 'limit', 'skip'] },
} satisfies Record<string, LookupDeclaration>;
