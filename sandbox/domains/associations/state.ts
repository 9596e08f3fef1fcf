// Associations (types of link between two objects) and relations (links between two records).
import { DEMO } from '../../demo';
import type { CoreState } from '../accounts/state';
import { objectId } from '../../stores';
import { createRng } from '../../util';

/** What this domain's data functions use: the accounts plus its own data (no dependency on the composed state). */
type State = CoreState & { associations: AssociationData };

export interface Association {
	id: string;
	locationId: string;
	key: string;
	firstObjectKey: string;
	firstObjectLabel: string;
	secondObjectKey: string;
	secondObjectLabel: string;
	associationType: 'USER_DEFINED' | 'SYSTEM_DEFINED';
	createdAt: string;
	updatedAt: string;
}

export interface Relation {
	id: string;
	locationId: string;
	associationId: string;
	firstRecordId: string;
	secondRecordId: string;
	firstObjectKey: string;
	secondObjectKey: string;
	createdAt: string;
	updatedAt: string;
}

export interface AssociationData {
	/** In creation order (the list endpoint keeps it). */
	associations: Map<string, Association>;
	relations: Map<string, Relation>;
}

export function createAssociationData(): AssociationData {
	return { associations: new Map(), relations: new Map() };
}

const SEED = 0x5eed2021 ^ 0xa550c;
const SEEDED_AT = '2024-03-01T10:00:00.000Z';

/** Record ids of the seeded custom object `custom_objects.pets` (any id is accepted for custom objects). */
export const SEEDED_PET_IDS = ['6650f1c2a1b2c3d4e5f60001', '6650f1c2a1b2c3d4e5f60002'];

/**
 * Seeds two associations in DEMO.locationId — `partner` (contact ↔ contact) and `contact_pet`
 * (contact ↔ custom_objects.pets) — and relations between the first contacts.
 */
export function seedAssociations(state: State): void {
	const data = state.associations;
	const rng = createRng(SEED);
	const add = (key: string, firstObjectKey: string, firstObjectLabel: string, secondObjectKey: string, secondObjectLabel: string): Association => {
		const a: Association = {
			id: objectId(rng), locationId: DEMO.locationId, key, firstObjectKey, firstObjectLabel, secondObjectKey, secondObjectLabel,
			associationType: 'USER_DEFINED', createdAt: SEEDED_AT, updatedAt: SEEDED_AT,
		};
		data.associations.set(a.id, a);
		return a;
	};
	const partner = add('partner', 'contact', 'Partner', 'contact', 'Partner');
	const pets = add('contact_pet', 'contact', 'Owner', 'custom_objects.pets', 'Pet');

	const contacts = [...state.contacts.values()].filter((c) => c.locationId === DEMO.locationId).slice(0, 5);
	const link = (association: Association, firstRecordId: string, secondRecordId: string) => {
		const r: Relation = {
			id: objectId(rng), locationId: DEMO.locationId, associationId: association.id, firstRecordId, secondRecordId,
			firstObjectKey: association.firstObjectKey, secondObjectKey: association.secondObjectKey, createdAt: SEEDED_AT, updatedAt: SEEDED_AT,
		};
		data.relations.set(r.id, r);
	};
	if (contacts.length >= 2) link(partner, contacts[0].id, contacts[1].id);
	if (contacts.length >= 4) link(partner, contacts[2].id, contacts[3].id);
	if (contacts.length >= 1) link(pets, contacts[0].id, SEEDED_PET_IDS[0]);
	if (contacts.length >= 2) link(pets, contacts[1].id, SEEDED_PET_IDS[1]);
}
