// Operations that moved from the GoHighLevel node to their area's node (blogs → Marketing,
// snapshots → Agency). n8n reads only the parameters a node's description declares, so a workflow
// saved with the GoHighLevel node cannot run them there: it fails before any request, naming the node.
import type { Sandbox } from '../../sandbox';
import { DEMO, startSandbox } from '../../sandbox';
import { apiRequests, privateToken, runOperation } from './fixtures';

let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox({ port: 0, seedContacts: 3 });
});
afterAll(async () => await sandbox.close());
beforeEach(() => sandbox.reset());

describe('a workflow saved before an operation moved to another node', () => {
	it('names GoHighLevel Marketing for a blog operation in the GoHighLevel node, and sends nothing', async () => {
		const result = await runOperation(sandbox, 'blog', 'getBlogs', { returnAll: true }, { nodeType: 'goHighLevel' });
		expect(result.error?.message).toBe('Resource "Blog" moved to the GoHighLevel Marketing node');
		expect(result.error?.description).toMatch(/Replace this node with a GoHighLevel Marketing node: Resource "Blog"/);
		expect(apiRequests(sandbox)).toHaveLength(0);
		const home = await runOperation(sandbox, 'blog', 'getBlogs', { returnAll: true }, { nodeType: 'goHighLevelMarketing' });
		expect(home.error).toBeUndefined();
		expect(home.items.length).toBeGreaterThan(0);
	});

	it('names GoHighLevel Agency for the old key automation:listSnapshots, and sends nothing', async () => {
		const credential = privateToken(sandbox, { token: DEMO.agencyPrivateToken, locationId: '' });
		const result = await runOperation(sandbox, 'automation', 'listSnapshots', { returnAll: true }, { nodeType: 'goHighLevel', credential });
		expect(result.error?.message).toBe('"automation: listSnapshots" moved to the GoHighLevel Agency node');
		expect(result.error?.description).toMatch(/Resource "Snapshot" and Operation "List Snapshots"/);
		expect(apiRequests(sandbox)).toHaveLength(0);
	});

	it('still refuses an operation no node declares, naming it, before any request', async () => {
		const result = await runOperation(sandbox, 'contact', 'publishEverywhere', {}, { nodeType: 'goHighLevel' });
		expect(result.error?.message).toMatch(/"publishEverywhere" of "contact" is not supported/);
		expect(apiRequests(sandbox)).toHaveLength(0);
	});
});
