// The one table of implemented operations. A new resource = a new route file added here.
import { automationRoutes } from './domains/contactExtras/automations';
import { businessRoutes } from './domains/contactExtras/businesses';
import { contactExtraRoutes } from './domains/contactExtras/routes';
import { contactRoutes } from './domains/contacts/routes';
import { customFieldRoutes } from './domains/accounts/customFields';
import { locationRoutes } from './domains/accounts/locations';
import { oauthRoutes } from './domains/oauth/routes';
import type { RouteDef } from './route';
import { userRoutes } from './domains/accounts/users';
import { opportunityRoutes } from './domains/opportunities/routes';
import { agencyRoutes } from './domains/agency/routes';
import { userAdminRoutes } from './domains/accounts/userAdmin';
import { conversationRoutes } from './domains/conversations/routes';
import { associationRoutes } from './domains/associations/routes';
import { blogRoutes } from './domains/blogs/routes';
import { calendarRoutes } from './domains/calendars/routes';

export const ROUTES: RouteDef[] = [...oauthRoutes, ...contactRoutes, ...contactExtraRoutes, ...automationRoutes, ...businessRoutes, ...locationRoutes, ...customFieldRoutes, ...userRoutes, ...opportunityRoutes, ...agencyRoutes, ...userAdminRoutes, ...conversationRoutes, ...associationRoutes, ...blogRoutes, ...calendarRoutes];

export function routeKey(method: string, template: string): string {
	return `${method.toUpperCase()} ${template}`;
}
