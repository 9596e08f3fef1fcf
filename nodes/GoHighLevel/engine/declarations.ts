import type { IDataObject, INodeProperties } from 'n8n-workflow';

import type { ProductArea } from '../areas';
import type { RequestParts } from './requestParts';
import type { OperationRuntime } from './runtime';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH';

/** The `Version` header values HighLevel's v2 specs enumerate. */
export type ApiVersion = '2021-07-28' | '2021-04-15';

/** How a parameter value is converted before it is sent. */
export type ValueFormat =
	| 'string'
	| 'number'
	| 'boolean'
	/** comma-separated text or an array → string[] */
	| 'list'
	/** JSON text or an object → parsed value */
	| 'json'
	/** n8n date-time → ISO 8601 */
	| 'dateTime'
	/** n8n date-time → epoch milliseconds */
	| 'epochMs'
	/** fixedCollection `{ field: [{ id, value }] }` → HighLevel `[{ id, field_value }]` */
	| 'customFields'
	/** fixedCollection `{ rule: [{...}, ...] }` → the list of rows */
	| 'rows';

/**
 * Where a value goes in the request. `name` may be dotted for nested body fields; `$body` makes the
 * value the whole body (endpoints whose body is a JSON array).
 */
export interface SendTo {
	in: 'path' | 'query' | 'body';
	name?: string;
	as?: ValueFormat;
}

export type Validation = 'email' | 'id' | 'phone' | 'url';

/** One editor parameter and its HTTP mapping. */
export interface ParamDeclaration {
	/** What the editor shows; the engine adds the resource/operation displayOptions. */
	property: INodeProperties;
	/** Omitted for parameters that only steer the engine. */
	send?: SendTo;
	validate?: Validation;
	/** For collections: mapping of each option, by option name (default: same place, same name). */
	fields?: Record<string, { send?: Partial<SendTo>; validate?: Validation }>;
}

/**
 * Paging styles of the API. Every page repeats the original query and body; only the paging
 * parameters change (n8n's built-in node loses filters after page one).
 */
export type Paging =
	| {
			style: 'offset';
			in: 'query' | 'body';
			limit: string;
			offset: string;
			/** `items`: offset counts records (skip); `pages`: offset is a 1-based page number */
			counts: 'items' | 'pages';
			pageSize: number;
	  }
	| {
			style: 'cursor';
			in: 'query' | 'body';
			limit: string;
			pageSize: number;
			/** Parameters sent on the first request only (e.g. `{ page: 1 }`). */
			start?: IDataObject;
			/**
			 * Cursor parameters for the next request: a response path (`meta.startAfterId`) or
			 * `$last.<path>` for a field of the last record. Paging stops when one is missing.
			 */
			next: Record<string, string>;
			/** Response path of a "more pages" flag; paging stops when it is false. */
			more?: string;
	  };

export interface OutputDeclaration {
	/** Response property holding the record or the list (dotted path; `a|b` = first one present, `a|` = a, else the whole body). */
	root?: string;
	/** Emit one item per element of the list. */
	list?: boolean;
	/** The response carries nothing worth returning: emit `{ success: true, ...path parameters }`. */
	confirm?: boolean;
	/** Fields kept when the user turns on Simplify. */
	simplify?: string[];
	/** Top-level response fields copied onto each record (e.g. upsert's `new`). */
	include?: string[];
	/** The response is a file: emitted as binary data `data`, named from the response or this. */
	binary?: { fileName: (parts: RequestParts) => string };
	/** Shapes responses that are not a record or a list under `root` (e.g. slots keyed by date). */
	map?: (body: unknown, runtime: OperationRuntime) => IDataObject[];
}

/**
 * A value of the write being checked: `body.<dotted path>`, `path.<name>`, `query.<name>`, or
 * `location` (the location the item acts on).
 */
export type WriteValue = string;

/**
 * How a re-run of the same item finds the record an earlier attempt may already have created: a
 * read of the same API listing candidates, and the fields a candidate must share with the write.
 */
export interface EarlierAttemptLookup {
	/** GET path template; `{name}` is filled from `pathParams`, else from the write's own path parameters. */
	path: string;
	pathParams?: Record<string, WriteValue>;
	version: ApiVersion | null;
	scopes: string[];
	/** Query parameters of the read: name → value of the write (parameters without a value are left out). */
	query?: Record<string, WriteValue>;
	/** Query parameters with fixed values (paging the read requires). */
	fixedQuery?: IDataObject;
	/** Response path of the candidates: a list, or a single record (null when there is none). */
	root: string;
	/**
	 * Candidate field (dotted) → value of the write; values the write does not carry are not compared.
	 * When the write carries none of these nor of the query's values, there is no way to tell.
	 */
	match: Record<string, WriteValue>;
	/** Candidate field with its creation time: only records created after the earlier attempt started count. */
	createdAt?: string;
}

export interface OperationDeclaration {
	resource: string;
	/** Internal value, stable across releases. */
	operation: string;
	/**
	 * `resource:operation` this operation had in the GoHighLevel node before it moved to its area's
	 * node: workflows saved with the old key still run it.
	 */
	formerly?: string;
	/** Operation dropdown label. */
	name: string;
	/** Action label in the node panel / AI tool description. */
	action: string;
	description: string;
	/** Set for endpoints HighLevel marks deprecated: shown as a notice with the replacement. */
	deprecated?: string;
	method: HttpMethod;
	/** Path template with `{param}` placeholders, exactly as in HighLevel's spec. */
	path: string;
	version: ApiVersion | null;
	/** Scopes the spec requires; named in the error hint when HighLevel refuses the token. */
	scopes: string[];
	/** A read sent as POST (search): safe to resend after a server error. */
	idempotent?: boolean;
	/**
	 * Location-scoped operations: where the location id goes (`token` = nowhere in the request,
	 * it only selects the token, e.g. GET /contacts/{id}). Absent for agency-level operations.
	 */
	location?: { in: 'path' | 'query' | 'body' | 'token'; name?: string };
	/**
	 * Agency-level operations that need the company id: where it goes. It comes from the OAuth
	 * token, else from the node's Company ID parameter.
	 */
	company?: { in: 'path' | 'query' | 'body'; name?: string };
	/** Only an agency (Company) token may call this endpoint: refused before sending otherwise. */
	agencyOnly?: boolean;
	params: ParamDeclaration[];
	/** Parameter names of which at least one must be set (e.g. email or phone). */
	requireAnyOf?: string[];
	/** Body fields the endpoint requires that the user rarely sets; parameters override them. */
	staticBody?: IDataObject;
	/** Adjusts the mapped request from other parameters (e.g. convert text to HTML), before any check. */
	prepare?: (parts: RequestParts, param: (name: string) => unknown) => void;
	/** Cross-parameter validation before anything is sent (e.g. start before end). */
	check?: (parts: RequestParts) => { parameter: string; problem: string } | undefined;
	paging?: Paging;
	output: OutputDeclaration;
	/**
	 * Records and bodies of this operation carry custom fields of this model: names or keys in a
	 * body's `customFields` are resolved to ids, and reads offer "Custom Fields by Name".
	 */
	customFields?: 'contact' | 'opportunity';
	/**
	 * For a write that is not idempotent: how a re-run of the same item (n8n's "Retry On Fail") finds
	 * out whether an earlier attempt, whose answer was lost (5xx after the write, broken connection),
	 * created the record anyway. Without it such a write is never sent a second time: the item fails
	 * and says why. HighLevel's v2 API has no idempotency key for these endpoints.
	 */
	earlierAttempt?: EarlierAttemptLookup;
	/**
	 * How items of one run may overlap (engine/inFlight.ts derives it when absent: reads are free;
	 * writes conflict on their path parameters, body email, phone and contactId; messages,
	 * workflows and campaigns run one item at a time).
	 */
	inFlight?: { oneAtATime?: boolean; conflictsOn?: WriteValue[] };
	/** Composite operations (several requests): runs instead of the single mapped request. */
	run?: (runtime: OperationRuntime) => Promise<IDataObject[]>;
	/** Further requests a composite `run` may send (listed by the catalog, checked against the contract). */
	extraRequests?: Array<{ method: HttpMethod; path: string; version: ApiVersion | null; scopes: string[] }>;
}

/** A resource as its file under actions/ declares it; its operations are found by their `resource`. */
export interface ResourceInfo {
	/** The product area, hence the node, that offers this resource. */
	area: ProductArea;
	value: string;
	name: string;
	description: string;
	/**
	 * Operation selected in a new node: `get` when there is one, else this. Saved workflows omit a
	 * default value, so it must never change once released.
	 */
	defaultOperation?: string;
	/**
	 * The order of the resource's operations (`operation` values) in the node's description, which
	 * places their parameters there; operations it does not name follow in the order the registry finds
	 * them (file by file), so adding an operation file needs no edit here.
	 * Resources split into one file per operation keep the order their description already had.
	 */
	operationOrder?: string[];
}

/** A resource with every operation declared for it. */
export interface ResourceDeclaration extends ResourceInfo {
	operations: OperationDeclaration[];
}

/**
 * A request a dropdown or searchable list (methods/) sends: declared like an operation's, so the
 * contract test checks its path, Version, scopes and parameter names against HighLevel's spec.
 */
export interface LookupDeclaration {
	method: 'GET' | 'POST';
	/** Path template, exactly as in HighLevel's spec. */
	path: string;
	version: ApiVersion;
	scopes: string[];
	/** Query parameter names the picker may send (the request is refused with any other). */
	query?: string[];
	/** Body field names the picker may send. */
	body?: string[];
}
