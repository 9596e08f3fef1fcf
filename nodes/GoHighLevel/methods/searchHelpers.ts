import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/** Filters records by a label, sorted by name, as list results. */
export function matching(records: IDataObject[], filter: string | undefined, label: (r: IDataObject) => string): INodeListSearchResult {
	const needle = (filter ?? '').toLowerCase();
	return {
		results: records
			.map((r) => ({ name: label(r), value: String(r.id ?? r._id) }))
			.filter((r) => !needle || r.name.toLowerCase().includes(needle))
			.sort((a, b) => a.name.localeCompare(b.name)),
	};
}

export function chosenContact(ctx: ILoadOptionsFunctions): string {
	const contactId = String(ctx.getCurrentNodeParameter('contactId', { extractValue: true }) ?? '').trim();
	if (!contactId) throw new NodeOperationError(ctx.getNode(), 'Choose the Contact first');
	return contactId;
}
