// Figure 5: bulk work under HighLevel's latency (answers 150–350 ms, 250 ms on average) and its real
// rate limit (100 requests / 10 s per location): the node with items in flight vs n8n's built-in
// HighLevel node vs the physical limit (requests ÷ allowed rate); and Return All at the largest
// page size vs the API's default page size.
import type { IDataObject, IVersionedNodeType } from 'n8n-workflow';
import { request } from 'undici';

import { DEMO, startSandbox } from '../sandbox';
import { loadPackage, runNode } from '../test/harness';
import { startLatencyProxy } from './latencyProxy';
import { BULK_ITEMS_IN_FLIGHT } from '../nodes/GoHighLevel/transport/options';
import { ensureReference, REFERENCE_VERSION } from './reference';
import { median, timed } from './stats';

type Report = (figure: string, metric: string, value: string, reference: string, ratio: string) => void;

const MIN_LATENCY_MS = 150;
const MAX_LATENCY_MS = 350;
const RATE = { max: 100, intervalMs: 10_000 };
const ALLOWED_PER_SECOND = RATE.max / (RATE.intervalMs / 1000);
/** Three rate-limit windows. */
const ITEMS = Number(process.env.BENCH_LATENCY_ITEMS ?? 300);
const REFERENCE_ITEMS = Number(process.env.BENCH_LATENCY_REFERENCE_ITEMS ?? ITEMS);
const RUNS = Number(process.env.BENCH_LATENCY_RUNS ?? 1);
const RETURN_ALL_CONTACTS = 2_000;

const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

export async function figure5(report: Report, builtIn: () => IDataObject): Promise<void> {
	const sandbox = await startSandbox({ port: 0, seedContacts: Math.max(ITEMS, RETURN_ALL_CONTACTS), rateLimit: RATE, requestLogLimit: 50_000 });
	const proxy = await startLatencyProxy(sandbox.url, MIN_LATENCY_MS, MAX_LATENCY_MS);
	const pkg = await loadPackage(ensureReference());
	const versions = Object.values((pkg.getNodeType('highLevel') as IVersionedNodeType).nodeVersions);
	const baseUrls = versions.map((node) => node.description.requestDefaults?.baseURL);
	for (const node of versions) if (node.description.requestDefaults) node.description.requestDefaults.baseURL = proxy.url;
	const ours = { type: 'goHighLevelPrivateIntegrationApi', data: { token: DEMO.locationPrivateToken, locationId: DEMO.locationId, baseUrl: proxy.url } };
	const ids = [...sandbox.state.contacts.values()].filter((c) => c.locationId === DEMO.locationId).map((c) => c.id);
	const fresh = () => {
		sandbox.reset();
		sandbox.configure({ rateLimit: RATE });
		proxy.reset();
	};
	const latency = `latency ${MIN_LATENCY_MS}–${MAX_LATENCY_MS} ms, ${RATE.max} req / ${RATE.intervalMs / 1000} s`;
	try {
		const bulk = async (what: string, ourParameters: (run: number) => IDataObject, referenceParameters: IDataObject) => {
			const limitMs = (ITEMS / ALLOWED_PER_SECOND) * 1000;
			const times: number[] = [];
			let tooMany = 0;
			let failed = 0;
			for (let run = 0; run < RUNS; run++) {
				fresh();
				const measured = await timed(() =>
					runNode({ parameters: { authentication: 'privateIntegrationToken', resource: 'contact', requestOptions: { batching: { batch: { batchSize: BULK_ITEMS_IN_FLIGHT } } }, ...ourParameters(run) }, credentials: ours, inputItems: ids.slice(0, ITEMS).map((id) => ({ json: { id } })), continueOnFail: true }),
				);
				times.push(measured.ms);
				tooMany = Math.max(tooMany, proxy.statuses.get(429) ?? 0);
				failed = Math.max(failed, measured.result.items.filter((item) => item.json.error).length + (measured.result.error ? ITEMS : 0));
			}
			const mine = median(times);
			fresh();
			const reference = await timed(() =>
				runNode({ packageRoot: ensureReference(), nodeType: 'highLevel', parameters: { resource: 'contact', ...referenceParameters }, credentials: builtIn() as never, inputItems: ids.slice(0, REFERENCE_ITEMS).map((id) => ({ json: { id } })), continueOnFail: true }),
			);
			const refFailed = reference.result.items.filter((item) => item.json.error).length + (reference.result.error ? REFERENCE_ITEMS : 0);
			// Only items it completed count: the rest failed with 429 (it sends every item at once).
			const refRate = (REFERENCE_ITEMS - refFailed) / (reference.ms / 1000) / ALLOWED_PER_SECOND;
			const myRate = limitMs / mine;
			report('5 Latency', `${fmt(ITEMS)} ${what}, ${latency}: GoHighLevel node, ${BULK_ITEMS_IN_FLIGHT} items in flight (${tooMany} × 429, ${failed} failed items)`, `${fmt(mine / 1000, 1)} s = ${fmt(myRate * 100, 1)} % of allowed rate`, `physical limit ${fmt(limitMs / 1000, 1)} s (requests ÷ allowed rate)`, `${fmt(myRate, 2)}× limit, ${fmt(myRate / refRate, 2)}× built-in`);
			report('5 Latency', `built-in HighLevel node ${REFERENCE_VERSION}, ${fmt(REFERENCE_ITEMS)} ${what}, all sent at once as it does (${proxy.statuses.get(429) ?? 0} × 429, ${refFailed} failed items)`, `${fmt(reference.ms / 1000, 1)} s = ${fmt(refRate * 100, 1)} % of allowed rate`, `physical limit ${fmt(REFERENCE_ITEMS / ALLOWED_PER_SECOND, 1)} s`, `${fmt(refRate, 2)}× limit`);
		};
		if (!process.env.BENCH_LATENCY_READS_ONLY) await bulk('updates', (run) => ({ operation: 'update', contactId: { __rl: true, mode: 'id', value: '={{$json.id}}' }, updateFields: { city: `Latency ${run}` } }), { operation: 'update', contactId: '={{$json.id}}', updateFields: { city: 'Latency ref' } });
		await bulk('reads', () => ({ operation: 'get', contactId: { __rl: true, mode: 'id', value: '={{$json.id}}' } }), { operation: 'get', contactId: '={{$json.id}}' });

		// Return All: the node asks for the largest page the endpoint allows; the API's default is 20.
		fresh();
		const mine = await timed(() => runNode({ parameters: { authentication: 'privateIntegrationToken', resource: 'contact', operation: 'search', returnAll: true }, credentials: ours }));
		const myRequests = sandbox.requests.length;
		fresh();
		const atDefault = await timed(() => searchAll(proxy.url, 20));
		const defaultRequests = sandbox.requests.length;
		report('5 Latency', `Return All ${fmt(mine.result.items.length)} contacts (search, 100 per page, ${myRequests} requests), ${latency}`, `${fmt(mine.ms / 1000, 1)} s`, `same loop at the API's default 20 per page: ${defaultRequests} requests, ${fmt(atDefault.ms / 1000, 1)} s (${fmt(atDefault.result)} contacts)`, `${fmt(mine.ms / atDefault.ms, 2)}× time`);
	} finally {
		versions.forEach((node, i) => {
			if (node.description.requestDefaults) node.description.requestDefaults.baseURL = baseUrls[i];
		});
		await proxy.close();
		await sandbox.close();
	}
}

/** Contact search paged at `pageLimit` with a bare undici loop; returns how many contacts it read. */
async function searchAll(url: string, pageLimit: number): Promise<number> {
	let count = 0;
	let searchAfter: unknown;
	for (;;) {
		const response = await request(`${url}/contacts/search`, {
			method: 'POST',
			headers: { authorization: `Bearer ${DEMO.locationPrivateToken}`, version: '2021-07-28', 'content-type': 'application/json', accept: 'application/json' },
			body: JSON.stringify({ locationId: DEMO.locationId, pageLimit, ...(searchAfter ? { searchAfter } : { page: 1 }) }),
		});
		const page = ((await response.body.json()) as { contacts: Array<{ searchAfter?: unknown }> }).contacts;
		count += page.length;
		if (page.length < pageLimit) return count;
		searchAfter = page[page.length - 1].searchAfter;
	}
}
