// The one table of implemented operations. A new resource = a new route file added here.
import { contactRoutes } from './contacts';
import { customFieldRoutes } from './customFields';
import { locationRoutes } from './locations';
import { oauthRoutes } from './oauth';
import type { RouteDef } from './route';
import { userRoutes } from './users';

export const ROUTES: RouteDef[] = [...oauthRoutes, ...contactRoutes, ...locationRoutes, ...customFieldRoutes, ...userRoutes];

export function routeKey(method: string, template: string): string {
	return `${method.toUpperCase()} ${template}`;
}
