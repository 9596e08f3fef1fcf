// Plain-HTTP control endpoints under /__sandbox/ for other processes (CLI, n8n end-to-end runs,
// benchmarks). No auth: the sandbox only listens on 127.0.0.1.
import type { Contact } from './state';
import type { FaultConfig, IssueTokenOptions, LoggedRequest, RateLimitConfig } from './types';
import { isPlainObject } from './util';

export interface AdminControls {
	health(): Record<string, unknown>;
	reset(): void;
	setFaults(faults: FaultConfig): void;
	configure(patch: { rateLimit?: Partial<RateLimitConfig> }): void;
	issueToken(opts: IssueTokenOptions): string;
	seed(contacts: number): void;
	requests(): LoggedRequest[];
	clearRequests(): void;
	contacts(locationId?: string): Contact[];
	/** Other stored collections by name (tasks, notes, ...); undefined for an unknown name. */
	collection?(name: string, filter: { contactId?: string; locationId?: string }): unknown[] | undefined;
}

export interface AdminAnswer {
	status: number;
	body: unknown;
}

export function handleAdmin(controls: AdminControls, method: string, path: string, query: URLSearchParams, body: unknown): AdminAnswer {
	const route = `${method} ${path.replace(/\/+$/, '')}`;
	const json = isPlainObject(body) ? body : {};
	switch (route) {
		case 'GET /__sandbox/health':
			return { status: 200, body: controls.health() };
		case 'POST /__sandbox/reset':
			controls.reset();
			return { status: 200, body: { ok: true } };
		case 'POST /__sandbox/faults':
			controls.setFaults(json as FaultConfig);
			return { status: 200, body: { ok: true, faults: json } };
		case 'POST /__sandbox/rate-limit':
			controls.configure({ rateLimit: json as Partial<RateLimitConfig> });
			return { status: 200, body: { ok: true } };
		case 'POST /__sandbox/tokens': {
			if (json.userType !== 'Location' && json.userType !== 'Company')
				return { status: 400, body: { statusCode: 400, message: 'userType must be Location or Company' } };
			return { status: 200, body: { access_token: controls.issueToken(json as unknown as IssueTokenOptions) } };
		}
		case 'POST /__sandbox/seed': {
			const n = Number(json.contacts);
			if (!Number.isInteger(n) || n < 0 || n > 1_000_000) return { status: 400, body: { statusCode: 400, message: 'contacts must be an integer 0..1000000' } };
			controls.seed(n);
			return { status: 200, body: { ok: true, contacts: n } };
		}
		case 'GET /__sandbox/requests':
			return { status: 200, body: controls.requests() };
		case 'DELETE /__sandbox/requests':
			controls.clearRequests();
			return { status: 200, body: { ok: true } };
		case 'GET /__sandbox/state/contacts':
			return { status: 200, body: controls.contacts(query.get('locationId') ?? undefined) };
		default: {
			const m = /^GET \/__sandbox\/state\/([A-Za-z]+)$/.exec(route);
			const rows = m && controls.collection?.(m[1], { contactId: query.get('contactId') ?? undefined, locationId: query.get('locationId') ?? undefined });
			if (rows) return { status: 200, body: rows };
			return { status: 404, body: { statusCode: 404, message: `Cannot ${method} ${path}`, error: 'Not Found' } };
		}
	}
}
