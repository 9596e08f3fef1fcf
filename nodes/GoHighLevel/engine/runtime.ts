import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { HttpMethod, OperationDeclaration } from './declarations';
import type { ApiResponse } from '../transport/request';
import { highLevelRequest } from '../transport/request';
import type { AuthSession } from '../transport/session';
import type { RequestParts } from './requestParts';
import { fillPath } from './requestParts';

export interface RuntimeRequest {
	method: HttpMethod;
	/** Path template; `{name}` is filled from `pathParams`. */
	path: string;
	pathParams?: Record<string, string>;
	qs?: IDataObject;
	body?: IDataObject | IDataObject[];
	version: string | null;
	scopes: string[];
	idempotent?: boolean;
	/** Read the answer as bytes (files). */
	binary?: boolean;
}

/** Everything an operation needs for one input item. */
export interface OperationRuntime {
	ctx: IExecuteFunctions;
	session: AuthSession;
	decl: OperationDeclaration;
	itemIndex: number;
	parts: RequestParts;
	locationId?: string;
	/** Location token when the credential is an agency token. */
	bearer?: string;
	/** Sends a request through the shared transport, acting on this item's location. */
	request(request: RuntimeRequest): Promise<ApiResponse>;
}

export function createRuntime(
	ctx: IExecuteFunctions,
	session: AuthSession,
	decl: OperationDeclaration,
	itemIndex: number,
	parts: RequestParts,
	target: { locationId?: string; bearer?: string },
): OperationRuntime {
	return {
		ctx,
		session,
		decl,
		itemIndex,
		parts,
		...target,
		async request(r) {
			const hasBody = Array.isArray(r.body) || (r.body !== undefined && Object.keys(r.body).length > 0);
			return await highLevelRequest(ctx, session, {
				method: r.method,
				path: fillPath(r.path, r.pathParams ?? {}),
				template: r.path,
				qs: r.qs && Object.keys(r.qs).length ? r.qs : undefined,
				body: hasBody || r.method === 'POST' || r.method === 'PUT' ? r.body ?? {} : undefined,
				version: r.version,
				scopes: r.scopes,
				idempotent: r.idempotent,
				itemIndex,
				locationId: target.locationId,
				bearer: target.bearer,
				binary: r.binary,
			});
		},
	};
}

/** The operation's own request, as declared, with (optionally) extra paging parameters. */
export async function declaredRequest(
	runtime: OperationRuntime,
	extra?: { qs?: IDataObject; body?: IDataObject },
	binary = false,
): Promise<ApiResponse> {
	const { decl, parts } = runtime;
	const qs = { ...parts.qs, ...extra?.qs };
	const body = parts.bodyList ?? (parts.hasBody || extra?.body ? { ...parts.body, ...extra?.body } : undefined);
	return await runtime.request({
		method: decl.method,
		path: decl.path,
		pathParams: parts.pathParams,
		qs,
		body,
		version: decl.version,
		scopes: decl.scopes,
		idempotent: decl.idempotent,
		binary,
	});
}

/** The body of the item's declared request as mapped from the parameters (read only). */
export function requestBody(runtime: OperationRuntime): Readonly<IDataObject> {
	return runtime.parts.body;
}

/**
 * Sets fields of the item's declared request body: how a caller refines a declared read (the
 * trigger's sort order and time filter) without reaching into the mapped request parts.
 */
export function setBodyFields(runtime: OperationRuntime, fields: IDataObject): void {
	Object.assign(runtime.parts.body, fields);
	runtime.parts.hasBody = true;
}
