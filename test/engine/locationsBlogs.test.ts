// Locations, the agency company, associations, relations and blogs through the n8n engine.
import type { Sandbox } from '../../sandbox';
import { DEMO, startSandbox } from '../../sandbox';
import { apiRequests, byId, privateToken } from './fixtures';
import { operations } from './helpers';

let sandbox: Sandbox;
const { run, ok } = operations(() => sandbox);
const agency = () => ({ credential: privateToken(sandbox, { token: DEMO.agencyPrivateToken, locationId: '' }) });

beforeAll(async () => {
	sandbox = await startSandbox({ port: 0, seedContacts: 20 });
});
afterAll(async () => await sandbox.close());
beforeEach(() => sandbox.reset());

describe('Location', () => {
	it('gets the location and lists its custom fields', async () => {
		const [location] = await ok('location', 'get');
		expect(location.id).toBe(DEMO.locationId);
		const fields = await ok('location', 'listCustomFields', { model: 'contact', returnAll: true });
		expect(fields.length).toBeGreaterThan(0);
		expect(fields.every((f) => f.model === 'contact')).toBe(true);
	});

	it('searches, creates and reads agency records with an agency token', async () => {
		const locations = await ok('location', 'search', { companyId: DEMO.companyId, returnAll: true }, agency());
		expect(locations.map((l) => l.id)).toContain(DEMO.locationId);
		const [created] = await ok('location', 'create', { companyId: DEMO.companyId, name: 'Sandbox Ortho', additionalFields: { city: 'Lisbon', timezone: 'Europe/Lisbon' } }, agency());
		expect(created).toMatchObject({ name: 'Sandbox Ortho' });
		const [company] = await ok('location', 'getCompany', { companyId: DEMO.companyId }, agency());
		expect(company.id).toBe(DEMO.companyId);

		sandbox.reset();
		const refused = await run('location', 'create', { name: 'x' });
		expect(refused.error?.message).toMatch(/needs an agency \(Company\) token/);
		expect(sandbox.requests).toHaveLength(0);
	});
});

describe('Association and Relation', () => {
	it('manages association types and the relations between records', async () => {
		const existing = await ok('association', 'getAll', { returnAll: true });
		expect(existing.length).toBeGreaterThan(0);
		const [created] = await ok('association', 'create', {
			key: 'mentor_mentee',
			firstObjectKey: 'contact',
			firstObjectLabel: 'Mentor',
			secondObjectKey: 'contact',
			secondObjectLabel: 'Mentee',
		});
		const associationId = String(created.id);
		const [byKey] = await ok('association', 'getByKey', { keyName: 'mentor_mentee' });
		expect(byKey.id).toBe(associationId);
		const [got] = await ok('association', 'get', { associationId: byId(associationId) });
		expect(got).toMatchObject({ key: 'mentor_mentee' });
		const forContacts = await ok('association', 'getByObjectKey', { objectKey: 'contact', returnAll: true });
		expect(forContacts.map((a) => a.id)).toContain(associationId);
		const [updated] = await ok('association', 'update', { associationId: byId(associationId), firstObjectLabel: 'Coach', secondObjectLabel: 'Coachee' });
		expect(updated).toMatchObject({ firstObjectLabel: 'Coach' });

		const [a, b] = [...sandbox.state.contacts.values()];
		const [relation] = await ok('relation', 'create', { associationId: byId(associationId), firstRecordId: a.id, secondRecordId: b.id });
		const relations = await ok('relation', 'getByRecord', { recordId: a.id, returnAll: true });
		expect(relations.map((r) => r.id)).toContain(relation.id);
		const [unlinked] = await ok('relation', 'delete', { relationId: String(relation.id) });
		expect(unlinked).toMatchObject({ success: true });
		expect((await ok('relation', 'getByRecord', { recordId: a.id, returnAll: true })).map((r) => r.id)).not.toContain(relation.id);

		const [deleted] = await ok('association', 'delete', { associationId: byId(associationId) });
		expect(deleted).toEqual({ success: true, associationId });
	});
});

const postFields = (blogId: string) => ({
	blogId: byId(blogId),
	title: 'Launching our n8n flows',
	urlSlug: 'n8n-launch',
	description: 'How we automate bookings',
	rawHTML: '<h1>Hello</h1><p>Automation <b>rocks</b>.</p>',
	status: 'DRAFT',
	imageUrl: 'https://images.example/launch.png',
	imageAltText: 'Launch',
	categories: ['abcdefghij0123456789'],
	author: 'abcdefghij0123456789',
	publishedAt: '2030-05-01T09:00:00Z',
});

describe('Blog', () => {
	it('lists blogs, posts, authors and categories, checks a slug, writes and updates a post', async () => {
		const blogs = await ok('blog', 'getBlogs', { returnAll: true });
		const blogId = String(blogs[0]._id ?? blogs[0].id);
		const posts = await ok('blog', 'getPosts', { blogId: byId(blogId), returnAll: true });
		expect(posts.length).toBeGreaterThan(20);
		expect(apiRequests(sandbox).filter((r) => r.path === '/blogs/posts/all').length).toBeGreaterThanOrEqual(1);
		const [author] = await ok('blog', 'getAuthors', { limit: 1 });
		const categories = await ok('blog', 'getCategories', { returnAll: true });

		const [free] = await ok('blog', 'checkSlug', { urlSlug: 'n8n-launch' });
		expect(free).toMatchObject({ exists: false });
		const post = {
			...postFields(blogId),
			categories: [String(categories[0]._id ?? categories[0].id)],
			author: String(author._id ?? author.id),
			publishedAt: '2030-05-01T09:00:00Z',
		};
		const [created] = await ok('blog', 'createPost', post);
		expect(apiRequests(sandbox).at(-1)!.body).toMatchObject({ rawHTML: post.rawHTML, locationId: DEMO.locationId, publishedAt: '2030-05-01T09:00:00.000Z' });
		const postId = String(created._id ?? created.id);
		const [taken] = await ok('blog', 'checkSlug', { urlSlug: 'n8n-launch' });
		expect(taken).toMatchObject({ exists: true });
		const [updated] = await ok('blog', 'updatePost', { ...post, postId, title: 'Launching our n8n flows (updated)', status: 'PUBLISHED' });
		expect(updated).toMatchObject({ title: 'Launching our n8n flows (updated)' });

		await ok('blog', 'updatePost', { ...post, postId, contentFormat: 'text', rawHTML: 'Fish & chips <today>\n\nSecond line' });
		expect(apiRequests(sandbox).at(-1)!.body).toMatchObject({ rawHTML: '<p>Fish &amp; chips &lt;today&gt;</p>\n<p>Second line</p>' });
	});

	it('names a missing post body before sending anything', async () => {
		const result = await run('blog', 'createPost', { ...postFields('abcdefghij0123456789'), rawHTML: '={{ "" }}' });
		expect(result.error?.message).toMatch(/^Content \(HTML\): this parameter is required/);
		expect(sandbox.requests).toHaveLength(0);
	});
});
