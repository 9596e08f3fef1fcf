import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { OperationDeclaration, ParamDeclaration, SendTo, Validation } from './declarations';
import { checkType, convert, isEmpty, isInvalid, setPath, validate } from './values';

export interface RequestParts {
	pathParams: Record<string, string>;
	qs: IDataObject;
	body: IDataObject;
	/** Set for endpoints whose body is a JSON array. */
	bodyList?: IDataObject[];
	hasBody: boolean;
}

function place(parts: RequestParts, send: SendTo, name: string, value: unknown): void {
	const apiName = send.name ?? name;
	if (send.in === 'path') {
		parts.pathParams[apiName] = String(value);
	} else if (send.in === 'query') {
		parts.qs[apiName] = value as IDataObject[keyof IDataObject];
	} else if (apiName === '$body') {
		parts.bodyList = (Array.isArray(value) ? value : [value]) as IDataObject[];
		parts.hasBody = true;
	} else {
		setPath(parts.body, apiName, value);
		parts.hasBody = true;
	}
}

function readValue(ctx: IExecuteFunctions, param: ParamDeclaration, itemIndex: number): unknown {
	const p = param.property;
	return ctx.getNodeParameter(p.name, itemIndex, p.type === 'collection' ? {} : undefined, {
		extractValue: p.type === 'resourceLocator',
	});
}

/** Whether the parameter is visible for this item, per its own displayOptions over sibling parameters. */
function isShown(ctx: IExecuteFunctions, param: ParamDeclaration, itemIndex: number): boolean {
	const show = param.property.displayOptions?.show ?? {};
	return Object.entries(show).every(([name, allowed]) => {
		if (name === 'resource' || name === 'operation' || !Array.isArray(allowed)) return true;
		const current = ctx.getNodeParameter(name, itemIndex, undefined) as unknown;
		return allowed.some((value) => value === current);
	});
}

function optionProperty(param: ParamDeclaration, key: string): INodeProperties | undefined {
	return param.property.options?.find((o): o is INodeProperties => 'name' in o && o.name === key && 'type' in o);
}

/** The list controls every list operation shows (Return All, Limit), checked like any parameter. */
function checkListLimit(ctx: IExecuteFunctions, itemIndex: number, fail: (label: string, problem: string) => never): void {
	const returnAll = ctx.getNodeParameter('returnAll', itemIndex, false) as unknown;
	const allProblem = checkType({ type: 'boolean' }, returnAll);
	if (allProblem) fail('Return All', allProblem);
	if (returnAll === true || returnAll === 'true') return;
	const limit = ctx.getNodeParameter('limit', itemIndex, 50) as unknown;
	const problem = checkType({ type: 'number', typeOptions: { minValue: 1, numberPrecision: 0 } }, limit);
	if (problem) fail('Limit', problem);
}

function optionLabel(param: ParamDeclaration, key: string): string {
	const option = param.property.options?.find((o) => 'name' in o && o.name === key && 'displayName' in o);
	return option && 'displayName' in option ? String(option.displayName) : key;
}

/** Reads, validates and maps the parameters of one item. Nothing is sent from here. */
export function buildRequestParts(ctx: IExecuteFunctions, decl: OperationDeclaration, itemIndex: number): RequestParts {
	const parts: RequestParts = {
		pathParams: {},
		qs: {},
		body: decl.staticBody ? copyBody(decl.staticBody) : {},
		hasBody: Boolean(decl.staticBody),
	};
	const fail = (label: string, problem: string): never => {
		throw new NodeOperationError(ctx.getNode(), `${label}: ${problem}`, {
			itemIndex,
			description: `Check the parameter "${label}". Nothing was sent to HighLevel.`,
		});
	};
	const checked = (label: string, value: unknown, rule: Validation | undefined, send: SendTo, option?: INodeProperties): unknown => {
		const wrongType = option && checkType(option, value, send.as);
		if (wrongType) fail(label, wrongType);
		const problem = validate(value, rule);
		if (problem) fail(label, problem);
		return prepare(label, value, send);
	};
	const prepare = (label: string, value: unknown, send: SendTo): unknown => {
		if (send.in === 'path') {
			const text = String(value).trim();
			// An id in the path is one HighLevel id: no slash, space or other separator; '.' and '..'
			// would survive encoding and let the URL climb out of its path.
			const problem = validate(text, 'id');
			if (problem) fail(label, problem);
			return text;
		}
		const converted = convert(value, send.as);
		if (isInvalid(converted)) fail(label, converted.problem);
		return converted;
	};

	for (const param of decl.params) {
		const p = param.property;
		if (!isShown(ctx, param, itemIndex)) continue;
		const value = readValue(ctx, param, itemIndex);
		if (isEmpty(value)) {
			if (p.required) fail(p.displayName, 'this parameter is required');
			continue;
		}
		const wrongType = checkType(p, value, param.send?.as);
		if (wrongType) fail(p.displayName, wrongType);
		if (p.type !== 'collection') {
			const problem = validate(value, param.validate);
			if (problem) fail(p.displayName, problem);
		}
		// Parameters without a mapping are read by the operation itself (composites, list options).
		if (!param.send) continue;
		if (p.type === 'collection') {
			for (const [key, inner] of Object.entries(value as IDataObject)) {
				if (isEmpty(inner) && typeof inner !== 'boolean') continue;
				const field = param.fields?.[key];
				const send: SendTo = { in: param.send.in, name: key, ...field?.send };
				place(parts, send, key, checked(optionLabel(param, key), inner, field?.validate, send, optionProperty(param, key)));
			}
			continue;
		}
		const converted = prepare(p.displayName, value, param.send);
		// An untouched list field (e.g. filters "[]") sends nothing rather than an empty list.
		if (Array.isArray(converted) && converted.length === 0) continue;
		place(parts, param.send, p.name, converted);
	}
	if (decl.output.list) checkListLimit(ctx, itemIndex, fail);
	decl.prepare?.(parts, (name) => ctx.getNodeParameter(name, itemIndex, undefined));
	const crossCheck = decl.check?.(parts);
	if (crossCheck) fail(crossCheck.parameter, crossCheck.problem);
	if (decl.requireAnyOf) {
		const set = decl.requireAnyOf.filter((name) => {
			const param = decl.params.find((p) => p.property.name === name);
			return param && !isEmpty(readValue(ctx, param, itemIndex));
		});
		if (set.length === 0) {
			const labels = decl.requireAnyOf.map((name) => decl.params.find((p) => p.property.name === name)?.property.displayName ?? name);
			fail(labels.join(' or '), `set at least one of ${labels.map((l) => `"${l}"`).join(', ')}`);
		}
	}
	return parts;
}

function copyBody(body: IDataObject): IDataObject {
	return JSON.parse(JSON.stringify(body)) as IDataObject;
}

/** Fills `{name}` placeholders, each value encoded so it stays one path segment. */
export function fillPath(template: string, params: Record<string, string>): string {
	return template.replace(/\{([^}]+)\}/g, (_, name: string) => encodeURIComponent(params[name] ?? ''));
}
