// Custom field definitions of a location (GET /locations/{locationId}/customFields...).
import type { CustomField } from '../../state';
import { customFieldsOf } from '../../state';
import { notFound } from '../../util';
import { locationFor } from './locations';
import type { RouteDef } from '../../route';
import { queryValue } from '../../route';

/** Why these operations are hand-written, not generic: */
const WHY = 'the contact/opportunity fields are a seeded catalog other domains read and write by id and key (model filter, contact fields by default)';

function toApi(f: CustomField): Record<string, unknown> {
	return {
		id: f.id, name: f.name, fieldKey: f.fieldKey, placeholder: f.placeholder, dataType: f.dataType, position: f.position,
		...(f.picklistOptions ? { picklistOptions: [...f.picklistOptions] } : {}),
		model: f.model, locationId: f.locationId,
	};
}

const list: RouteDef = {
	method: 'GET',
	path: '/locations/{locationId}/customFields', why: WHY,
	handle(ctx) {
		const location = locationFor(ctx);
		// Without `model` the contact fields come back (what contact forms need).
		const model = queryValue(ctx, 'model') ?? 'contact';
		const fields = customFieldsOf(ctx.state, location.id, model === 'all' ? undefined : (model as 'contact' | 'opportunity'));
		return { body: { customFields: fields.map(toApi) } };
	},
};

const get: RouteDef = {
	method: 'GET',
	path: '/locations/{locationId}/customFields/{id}', why: WHY,
	handle(ctx) {
		const location = locationFor(ctx);
		const field = ctx.state.customFields.get(ctx.params.id);
		if (!field || field.locationId !== location.id) throw notFound('Custom field');
		return { body: { customField: toApi(field) } };
	},
};

export const customFieldRoutes: RouteDef[] = [list, get];
