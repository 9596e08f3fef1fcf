// Small HTTP helper for the sandbox suites.
import type { Sandbox } from '../../sandbox';
import { DEMO } from '../../sandbox';

export const V = '2021-07-28';

export interface CallOptions {
	/** Bearer token; null = no Authorization header. Default: the location PIT. */
	token?: string | null;
	/** Version header; null = none. Default: 2021-07-28. */
	version?: string | null;
	json?: unknown;
	form?: Record<string, string>;
	headers?: Record<string, string>;
}

export interface CallResult<T = any> {
	status: number;
	headers: Headers;
	body: T;
}

export async function call<T = any>(sandbox: Sandbox, method: string, path: string, options: CallOptions = {}): Promise<CallResult<T>> {
	const headers: Record<string, string> = { Accept: 'application/json', ...options.headers };
	const token = options.token === undefined ? DEMO.locationPrivateToken : options.token;
	if (token) headers.Authorization = `Bearer ${token}`;
	const version = options.version === undefined ? V : options.version;
	if (version) headers.Version = version;
	let body: string | undefined;
	if (options.json !== undefined) {
		headers['Content-Type'] = 'application/json';
		body = JSON.stringify(options.json);
	} else if (options.form) {
		headers['Content-Type'] = 'application/x-www-form-urlencoded';
		body = new URLSearchParams(options.form).toString();
	}
	const res = await fetch(`${sandbox.url}${path}`, { method, headers, body, redirect: 'manual' });
	const text = await res.text();
	let parsed: unknown = text;
	try {
		parsed = text ? JSON.parse(text) : undefined;
	} catch {
		// keep the text
	}
	return { status: res.status, headers: res.headers, body: parsed as T };
}

export function demoContacts(sandbox: Sandbox) {
	return [...sandbox.state.contacts.values()].filter((c) => c.locationId === DEMO.locationId);
}
