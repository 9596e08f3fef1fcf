import type { IDataObject } from 'n8n-workflow';
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

function toDate(value: unknown): Date | Invalid {
	const date = value instanceof Date ? value : new Date(String(value));
	if (Number.isNaN(date.getTime())) return invalid(`"${String(value)}" is not a valid date and time`);
	return date;
}

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
			return String(value);
		case 'number': {
			const n = typeof value === 'number' ? value : Number(String(value).trim());
			if (!Number.isFinite(n)) return invalid(`"${String(value)}" is not a number`);
			return n;
		}
		case 'boolean':
			return value === true || value === 'true';
		case 'list':
			if (Array.isArray(value)) return value.map((v) => String(v).trim()).filter(Boolean);
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
