import { fillPath } from '../../nodes/GoHighLevel/engine/requestParts';
import { convert, getPath, isInvalid, setPath, validate } from '../../nodes/GoHighLevel/engine/values';

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
