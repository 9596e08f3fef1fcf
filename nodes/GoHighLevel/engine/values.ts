import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { jsonParse } from 'n8n-workflow';

import type { Validation, ValueFormat } from './declarations';

/** A bad parameter value; the engine turns it into a NodeOperationError naming the parameter. */
export interface Invalid {
	problem: string;
}

export function isInvalid(result: unknown): result is Invalid {
	return typeof result === 'object' && result !== null && INVALID in result;
}

const INVALID = '__invalidParameterValue';

function invalid(problem: string): Invalid {
	return { problem, [INVALID]: true } as Invalid;
}

export function isEmpty(value: unknown): boolean {
	if (value === undefined || value === null) return true;
	if (typeof value === 'string') return value.trim() === '';
	if (Array.isArray(value)) return value.length === 0;
	if (typeof value === 'object') return Object.keys(value as object).length === 0;
	return false;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?)?\s*(?:Z|[+-]\d{2}(?::?\d{2})?)?$/i;

function daysIn(year: number, month: number): number {
	return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * A date as the API needs it, or Invalid. Only ISO 8601 text (as n8n's date picker and Luxon write
 * it), epoch milliseconds, or a date object: JavaScript's own parser would turn `2024-02-30` into
 * 1 March and `Call me 5` into 2001-05-01.
 */
export function toDate(value: unknown): Date | Invalid {
	const bad = invalid(`"${typeof value === 'object' ? JSON.stringify(value) : String(value)}" is not a valid date and time (use ISO 8601, e.g. 2024-05-01T10:00:00Z)`);
	if (value instanceof Date) return Number.isNaN(value.getTime()) ? bad : value;
	if (typeof value === 'number') return Number.isFinite(value) ? new Date(value) : bad;
	// Luxon DateTime ($now, $today and date expressions).
	if (value && typeof value === 'object' && typeof (value as { toISO?: unknown }).toISO === 'function') {
		return toDate((value as { toISO: () => string | null }).toISO() ?? '');
	}
	if (typeof value !== 'string') return bad;
	const text = value.trim();
	const m = ISO_DATE.exec(text);
	if (!m) return bad;
	const [year, month, day, hour = '0', minute = '0', second = '0'] = m.slice(1).map((part) => part ?? undefined);
	const y = Number(year);
	const mo = Number(month);
	if (mo < 1 || mo > 12 || Number(day) < 1 || Number(day) > daysIn(y, mo)) return bad;
	if (Number(hour) > 23 || Number(minute) > 59 || Number(second) > 59) return bad;
	const date = new Date(text.replace(' ', 'T'));
	return Number.isNaN(date.getTime()) ? bad : date;
}

function shown(value: unknown): string {
	if (Array.isArray(value)) return 'a list';
	if (value === null) return 'null';
	if (typeof value === 'object') return 'an object';
	return `"${String(value)}"`;
}

const isPrimitive = (value: unknown) => typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';

function customFields(value: unknown): IDataObject[] | Invalid {
	const rows = ((value as IDataObject)?.field ?? value) as IDataObject[];
	if (!Array.isArray(rows)) return invalid('expected a list of custom fields');
	return rows
		.filter((row) => !isEmpty(row.id))
		.map((row) => {
			const id = typeof row.id === 'object' && row.id !== null ? (row.id as IDataObject).value : row.id;
			return { id: String(id), field_value: row.value as IDataObject[keyof IDataObject] };
		});
}

/** Converts a parameter value to what the API expects; returns an Invalid for bad input. */
export function convert(value: unknown, format: ValueFormat | undefined): unknown {
	switch (format) {
		case undefined:
			return value;
		case 'string':
			return isPrimitive(value) ? String(value) : invalid(`expected text, got ${shown(value)}`);
		case 'number': {
			const n = toNumber(value);
			if (n === undefined) return invalid(`${shown(value)} is not a number`);
			return n;
		}
		case 'boolean':
			if (value === true || value === 'true') return true;
			if (value === false || value === 'false') return false;
			return invalid(`expected true or false, got ${shown(value)}`);
		case 'list':
			// Tags given as an object must not become the tag "[object Object]".
			if (Array.isArray(value)) {
				if (!value.every(isPrimitive)) return invalid('expected a list of texts, got a list holding objects or lists');
				return value.map((v) => String(v).trim()).filter(Boolean);
			}
			if (!isPrimitive(value)) return invalid(`expected comma-separated text or a list, got ${shown(value)}`);
			return String(value)
				.split(',')
				.map((v) => v.trim())
				.filter(Boolean);
		case 'json': {
			if (typeof value !== 'string') return value;
			const parsed = jsonParse<unknown>(value, { fallbackValue: invalid('is not valid JSON') });
			return parsed;
		}
		case 'dateTime': {
			const date = toDate(value);
			return isInvalid(date) ? date : date.toISOString();
		}
		case 'epochMs': {
			const date = toDate(value);
			return isInvalid(date) ? date : date.getTime();
		}
		case 'customFields':
			return customFields(value);
		case 'rows': {
			// n8n fills every field of a row with its default; blank ones are left out.
			const rows = Object.values((value ?? {}) as IDataObject)[0];
			if (!Array.isArray(rows)) return [];
			return (rows as IDataObject[]).map((row) =>
				Object.fromEntries(Object.entries(row).filter(([, v]) => typeof v === 'boolean' || typeof v === 'number' || !isEmpty(v))),
			);
		}
	}
}

function toNumber(value: unknown): number | undefined {
	if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
	if (typeof value !== 'string' || value.trim() === '') return undefined;
	const n = Number(value.trim());
	return Number.isFinite(n) ? n : undefined;
}

/** What an expression or stored value must be for an editor type, before any conversion. */
export function checkType(property: Pick<INodeProperties, 'type' | 'typeOptions' | 'options'>, value: unknown, as?: ValueFormat): string | undefined {
	switch (property.type) {
		case 'number': {
			const n = toNumber(value);
			if (n === undefined) return `${shown(value)} is not a number`;
			const { minValue, maxValue, numberPrecision } = property.typeOptions ?? {};
			// n8n's "no decimals" (the spec's integers, e.g. a list's limit); other numbers may have them.
			if (numberPrecision === 0 && !Number.isInteger(n)) return `${shown(value)} is not a whole number`;
			if (typeof minValue === 'number' && n < minValue) return `${shown(value)} is less than ${minValue}`;
			if (typeof maxValue === 'number' && n > maxValue) return `${shown(value)} is more than ${maxValue}`;
			return undefined;
		}
		case 'dateTime': {
			const date = toDate(value);
			return isInvalid(date) ? date.problem : undefined;
		}
		case 'boolean':
			return typeof value === 'boolean' || value === 'true' || value === 'false' ? undefined : `expected true or false, got ${shown(value)}`;
		case 'options':
		case 'multiOptions': {
			const values = property.type === 'multiOptions' && Array.isArray(value) ? value : [value];
			if (property.type === 'options' && !isPrimitive(value)) return `expected one value, got ${shown(value)}`;
			if (!values.every(isPrimitive)) return `expected a list of values, got ${Array.isArray(value) ? 'a list holding objects or lists' : shown(value)}`;
			// Options loaded from HighLevel are checked by HighLevel; fixed ones here.
			if (property.typeOptions?.loadOptionsMethod || !property.options) return undefined;
			const allowed = property.options.flatMap((o) => ('value' in o ? [o.value] : []));
			const wrong = values.find((v) => !allowed.some((a) => a === v));
			return wrong === undefined ? undefined : `${shown(wrong)} is not one of ${allowed.map((a) => `"${String(a)}"`).join(', ')}`;
		}
		case 'string':
		case 'color':
		case 'resourceLocator':
			// A text parameter may hold a list where it is sent as one (tags) or JSON.
			if (isPrimitive(value) || as === 'json' || (as === 'list' && Array.isArray(value))) return undefined;
			return `expected text, got ${shown(value)}`;
		case 'collection':
		case 'fixedCollection':
			return value !== null && typeof value === 'object' && !Array.isArray(value) ? undefined : `expected a set of fields, got ${shown(value)}`;
		default:
			return undefined;
	}
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^\+?[0-9][0-9 ().-]{5,}$/;
// HighLevel ids are alphanumeric; keys of custom objects add dots and underscores.
const ID = /^[A-Za-z0-9_.:-]+$/;

const URL_LIKE = /^https?:\/\/[^\s/$.?#][^\s]*$/i;

/** Returns the problem with a value, or undefined when it is fine. */
export function validate(value: unknown, rule: Validation | undefined): string | undefined {
	if (rule === undefined || isEmpty(value)) return undefined;
	const text = String(value).trim();
	switch (rule) {
		case 'email':
			return EMAIL.test(text) ? undefined : `"${text}" is not a valid email address`;
		case 'phone':
			return PHONE.test(text)
				? undefined
				: `"${text}" is not a valid phone number (use the international format, e.g. +14155550100)`;
		case 'id':
			return ID.test(text) && !/^\.+$/.test(text) ? undefined : `"${text}" is not a valid ID`;
		case 'url':
			return URL_LIKE.test(text) ? undefined : `"${text}" is not a valid URL (start it with https://)`;
	}
}

/** Dotted-path read (`meta.startAfterId`). */
export function getPath(source: unknown, path: string | undefined): unknown {
	if (!path) return source;
	let current: unknown = source;
	for (const key of path.split('.')) {
		if (current === null || typeof current !== 'object') return undefined;
		current = (current as IDataObject)[key];
	}
	return current;
}

/** Dotted-path write that creates intermediate objects. */
export function setPath(target: IDataObject, path: string, value: unknown): void {
	const keys = path.split('.');
	let current = target;
	for (const key of keys.slice(0, -1)) {
		if (typeof current[key] !== 'object' || current[key] === null) current[key] = {};
		current = current[key] as IDataObject;
	}
	current[keys[keys.length - 1]] = value as IDataObject[keyof IDataObject];
}
