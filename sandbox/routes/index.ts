// The one table of implemented operations. A new resource = a new route file added here.
import { automationRoutes } from './automations';
import { businessRoutes } from './businesses';
import { contactExtraRoutes } from './contactExtras';
import { contactRoutes } from './contacts';
import { customFieldRoutes } from './customFields';
import { locationRoutes } from './locations';
import { oauthRoutes } from './oauth';
import type { RouteDef } from './route';
import { userRoutes } from './users';
import { opportunityRoutes } from './opportunities';
import { agencyRoutes } from './agency';
import { userAdminRoutes } from './userAdmin';
import { conversationRoutes } from './conversations';
import { associationRoutes } from './associations';
import { blogRoutes } from './blogs';
import { calendarRoutes } from './calendars';

export const ROUTES: RouteDef[] = [...oauthRoutes, ...contactRoutes, ...contactExtraRoutes, ...automationRoutes, ...businessRoutes, ...locationRoutes, ...customFieldRoutes, ...userRoutes, ...opportunityRoutes, ...agencyRoutes, ...userAdminRoutes, ...conversationRoutes, ...associationRoutes, ...blogRoutes, ...calendarRoutes];

export function routeKey(method: string, template: string): string {
	return `${method.toUpperCase()} ${template}`;
}
