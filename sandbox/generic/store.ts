// The generic engine's data: one collection of records per resource path (the path template up to
// the item id, with the parent ids filled in). Each collection starts with one seeded record whose
// id follows from the template (seedId), so every item operation can be tried without a create.
import { createRng, makeId } from '../util';
import { seedOf } from './values';

export type GenericRecord = Record<string, unknown> & { id: string };
export type GenericCollections = Map<string, Map<string, GenericRecord>>;

/** Key of the record a non-item path (e.g. `/store/store-setting`) reads and merges. */
export const SINGLETON = '';

/** The id of the record every collection of `collectionTemplate` (e.g. `/businesses`) is seeded with. */
export function seedId(collectionTemplate: string): string {
	return makeId(createRng(seedOf(normalize(collectionTemplate))));
}

export function normalize(path: string): string {
	return '/' + path.split('/').filter(Boolean).join('/');
}

export function collection(store: GenericCollections, key: string, template: string): Map<string, GenericRecord> {
	let records = store.get(key);
	if (!records) {
		const id = seedId(template);
		records = new Map([[id, { id }]]);
		store.set(key, records);
	}
	return records;
}
