import { fillPath } from '../../nodes/GoHighLevel/engine/requestParts';
import { checkType, convert, getPath, isInvalid, setPath, toDate, validate } from '../../nodes/GoHighLevel/engine/values';

describe('parameter values', () => {
	it('converts lists, numbers, JSON, dates and custom fields', () => {
		expect(convert(' a, b ,,c', 'list')).toEqual(['a', 'b', 'c']);
		expect(convert('42', 'number')).toBe(42);
		expect(isInvalid(convert('4x2', 'number'))).toBe(true);
		expect(convert('[{"a":1}]', 'json')).toEqual([{ a: 1 }]);
		expect(isInvalid(convert('{nope', 'json'))).toBe(true);
		expect(convert('2024-05-01T10:00:00Z', 'dateTime')).toBe('2024-05-01T10:00:00.000Z');
		expect(convert('2024-05-01T10:00:00Z', 'epochMs')).toBe(Date.UTC(2024, 4, 1, 10));
		expect(convert({ field: [{ id: 'f1', value: 'blue' }, { id: '', value: 'x' }] }, 'customFields')).toEqual([{ id: 'f1', field_value: 'blue' }]);
		expect(convert({ rule: [{ field: 'dateAdded', direction: 'asc' }] }, 'rows')).toEqual([{ field: 'dateAdded', direction: 'asc' }]);
	});

	it('validates emails, phones and ids', () => {
		expect(validate('a@b.co', 'email')).toBeUndefined();
		expect(validate('not-an-email', 'email')).toMatch(/not a valid email/);
		expect(validate('+1 415 555 0100', 'phone')).toBeUndefined();
		expect(validate('call me', 'phone')).toMatch(/phone/);
		expect(validate('abcDEF123', 'id')).toBeUndefined();
		expect(validate('../locations', 'id')).toMatch(/not a valid ID/);
		expect(validate('..', 'id')).toMatch(/not a valid ID/);
	});

	it('keeps every path value inside its own segment', () => {
		expect(fillPath('/contacts/{contactId}', { contactId: '../locations' })).toBe('/contacts/..%2Flocations');
		expect(fillPath('/contacts/{contactId}/notes/{id}', { contactId: 'a b', id: 'x?y#z' })).toBe('/contacts/a%20b/notes/x%3Fy%23z');
	});

	it('reads and writes dotted paths', () => {
		const target = {};
		setPath(target, 'dndSettings.Email.status', 'active');
		expect(target).toEqual({ dndSettings: { Email: { status: 'active' } } });
		expect(getPath({ meta: { startAfterId: 'x' } }, 'meta.startAfterId')).toBe('x');
		expect(getPath({ meta: null }, 'meta.startAfterId')).toBeUndefined();
	});
});

describe('values checked against their type', () => {
	it('accepts only dates that exist', () => {
		for (const bad of ['2024-02-30', '2023-02-29T10:00:00', '2024-13-01', '2024-04-31', '2024-03-01T24:00:00Z', '2024-03-01T10:60', 'Call me 5', '5', '', { when: 'soon' }, true]) {
			expect(isInvalid(toDate(bad))).toBe(true);
		}
		expect((toDate('2024-02-29T10:00:00Z') as Date).toISOString()).toBe('2024-02-29T10:00:00.000Z');
		expect((toDate('2024-02-29 10:00:00+02:00') as Date).toISOString()).toBe('2024-02-29T08:00:00.000Z');
		expect((toDate('2024-02-29') as Date).toISOString()).toBe('2024-02-29T00:00:00.000Z');
		expect((toDate(Date.UTC(2024, 0, 1)) as Date).toISOString()).toBe('2024-01-01T00:00:00.000Z');
		expect((toDate({ toISO: () => '2024-01-02T03:04:05.000Z' }) as Date).toISOString()).toBe('2024-01-02T03:04:05.000Z');
	});

	it('refuses objects where a list of texts or text is sent', () => {
		expect(convert({ vip: true }, 'list')).toMatchObject({ problem: 'expected comma-separated text or a list, got an object' });
		expect(isInvalid(convert([{ name: 'vip' }], 'list'))).toBe(true);
		expect(convert(['vip', 7], 'list')).toEqual(['vip', '7']);
		expect(isInvalid(convert({ a: 1 }, 'string'))).toBe(true);
		expect(isInvalid(convert('yes', 'boolean'))).toBe(true);
		expect(convert('false', 'boolean')).toBe(false);
		expect(isInvalid(convert(true, 'number'))).toBe(true);
	});

	it('checks numbers for whole values and range, choices against the offered ones', () => {
		const limit = { type: 'number' as const, typeOptions: { minValue: 1, numberPrecision: 0 } };
		expect(checkType(limit, -5)).toBe('"-5" is less than 1');
		expect(checkType(limit, 'abc')).toBe('"abc" is not a number');
		expect(checkType(limit, 2.5)).toBe('"2.5" is not a whole number');
		expect(checkType(limit, '7')).toBeUndefined();
		expect(checkType({ type: 'number', typeOptions: { numberPrecision: 2 } }, 2.5)).toBeUndefined();
		expect(checkType({ type: 'number' }, 2.5)).toBeUndefined();
		const choice = { type: 'options' as const, options: [{ name: 'A', value: 'a' }, { name: 'B', value: 'b' }] };
		expect(checkType(choice, 'c')).toBe('"c" is not one of "a", "b"');
		expect(checkType(choice, 'a')).toBeUndefined();
		expect(checkType({ type: 'multiOptions', typeOptions: { loadOptionsMethod: 'getTags' } }, { a: 1 })).toBe('expected a list of values, got an object');
		expect(checkType({ type: 'string' }, ['a'])).toBe('expected text, got a list');
		expect(checkType({ type: 'string' }, ['a'], 'list')).toBeUndefined();
		expect(checkType({ type: 'collection' }, 'x')).toBe('expected a set of fields, got "x"');
	});
});
