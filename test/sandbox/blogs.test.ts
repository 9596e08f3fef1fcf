// Blogs: sites, posts, authors, categories, URL slug check, create and update a post.
import type { Sandbox } from '../../sandbox';
import { DEMO, startSandbox } from '../../sandbox';
import { SEEDED_POSTS } from '../../sandbox/domains/blogs/state';
import { call } from './helpers';

let sandbox: Sandbox;

beforeAll(async () => {
	sandbox = await startSandbox({ port: 0, seedContacts: 5 });
});
afterAll(async () => await sandbox.close());
beforeEach(() => sandbox.reset());

const L = DEMO.locationId;
const store = () => sandbox.state.blogs;
const firstBlog = () => [...store().blogs.values()][0];
const posts = () => [...store().posts.values()];

function postBody(overrides: Record<string, unknown> = {}) {
	return {
		locationId: L,
		blogId: firstBlog()._id,
		title: 'Launching our n8n flows',
		description: 'How we automate bookings',
		rawHTML: '<h1>Hello</h1>',
		status: 'DRAFT',
		imageUrl: 'https://images.example/launch.png',
		imageAltText: 'Launch',
		categories: [[...store().categories.keys()][0]],
		author: [...store().authors.keys()][0],
		urlSlug: 'n8n-launch',
		publishedAt: '2030-05-01T09:00:00Z',
		...overrides,
	};
}

describe('reads', () => {
	it('lists the blogs (data), with skip/limit and search', async () => {
		const res = await call(sandbox, 'GET', `/blogs/site/all?locationId=${L}&skip=0&limit=10`);
		expect(res.status).toBe(200);
		expect(res.body.data).toHaveLength(2);
		expect(res.body.data[0]).toMatchObject({ _id: expect.stringMatching(/^[0-9a-f]{24}$/), name: 'Sandbox Dental Blog' });
		const found = await call(sandbox, 'GET', `/blogs/site/all?locationId=${L}&skip=0&limit=10&searchTerm=updates`);
		expect(found.body.data.map((b: { name: string }) => b.name)).toEqual(['Clinic Updates']);
		expect((await call(sandbox, 'GET', `/blogs/site/all?locationId=${L}&skip=1&limit=10`)).body.data).toHaveLength(1);
		expect((await call(sandbox, 'GET', `/blogs/site/all?locationId=${L}`)).status).toBe(422);
		const agency = sandbox.issueToken({ userType: 'Company' });
		expect((await call(sandbox, 'GET', `/blogs/site/all?locationId=${L}&skip=0&limit=10`, { token: agency })).status).toBe(401);
	});

	it('lists the posts of a blog (blogs) with limit/offset, status and search', async () => {
		const blogId = firstBlog()._id;
		const page1 = await call(sandbox, 'GET', `/blogs/posts/all?locationId=${L}&blogId=${blogId}&limit=20&offset=0`);
		expect(page1.status).toBe(200);
		expect(page1.body.blogs).toHaveLength(20);
		const page2 = await call(sandbox, 'GET', `/blogs/posts/all?locationId=${L}&blogId=${blogId}&limit=20&offset=20`);
		expect(page2.body.blogs).toHaveLength(SEEDED_POSTS - 20);
		const all = [...page1.body.blogs, ...page2.body.blogs];
		expect(new Set(all.map((p: { _id: string }) => p._id)).size).toBe(SEEDED_POSTS);
		expect(all[0]).toMatchObject({
			_id: expect.stringMatching(/^[0-9a-f]{24}$/), title: expect.any(String), description: expect.any(String), imageUrl: expect.any(String),
			status: expect.any(String), imageAltText: expect.any(String), urlSlug: expect.any(String), categories: expect.any(Array), archived: expect.any(Boolean),
			author: expect.any(String), publishedAt: expect.any(String), updatedAt: expect.any(String),
		});
		const published = all.map((p: { publishedAt: string }) => p.publishedAt);
		expect(published).toEqual([...published].sort().reverse());
		const drafts = await call(sandbox, 'GET', `/blogs/posts/all?locationId=${L}&blogId=${blogId}&limit=100&offset=0&status=DRAFT`);
		expect(drafts.body.blogs.length).toBe(posts().filter((p) => p.status === 'DRAFT').length);
		expect(drafts.body.blogs.every((p: { status: string }) => p.status === 'DRAFT')).toBe(true);
		const search = await call(sandbox, 'GET', `/blogs/posts/all?locationId=${L}&blogId=${blogId}&limit=100&offset=0&searchTerm=implants`);
		expect(search.body.blogs.length).toBeGreaterThan(0);
		expect(search.body.blogs.every((p: { title: string }) => /implants/i.test(p.title))).toBe(true);
		const missing = await call(sandbox, 'GET', `/blogs/posts/all?locationId=${L}&blogId=ffffffffffffffffffffffff&limit=10&offset=0`);
		expect(missing.status).toBe(404);
		expect(missing.body).toMatchObject({ statusCode: 404, message: 'Blog not found', error: 'Not Found' });
	});

	it('lists authors and categories', async () => {
		const authors = await call(sandbox, 'GET', `/blogs/authors?locationId=${L}&limit=10&offset=0`);
		expect(authors.body.authors).toHaveLength(3);
		expect(authors.body.authors[0]).toEqual({ _id: expect.any(String), name: 'Dana Whitfield', locationId: L, updatedAt: expect.any(String), canonicalLink: expect.any(String) });
		expect((await call(sandbox, 'GET', `/blogs/authors?locationId=${L}&limit=1&offset=2`)).body.authors.map((a: { name: string }) => a.name)).toEqual(['Dr. Sam Okoro']);
		const categories = await call(sandbox, 'GET', `/blogs/categories?locationId=${L}&limit=10&offset=0`);
		expect(categories.body.categories).toHaveLength(4);
		expect(categories.body.categories[0]).toMatchObject({ _id: expect.any(String), label: 'Oral Health', name: 'Oral Health', urlSlug: 'oral-health', locationId: L });
	});

	it('checks whether a URL slug exists (the post itself excluded with postId)', async () => {
		const post = posts()[0];
		const taken = await call(sandbox, 'GET', `/blogs/posts/url-slug-exists?locationId=${L}&urlSlug=${post.urlSlug}`);
		expect(taken.status).toBe(200);
		expect(taken.body).toMatchObject({ exists: true });
		const own = await call(sandbox, 'GET', `/blogs/posts/url-slug-exists?locationId=${L}&urlSlug=${post.urlSlug}&postId=${post._id}`);
		expect(own.body.exists).toBe(false);
		const other = await call(sandbox, 'GET', `/blogs/posts/url-slug-exists?locationId=${L}&urlSlug=${post.urlSlug}&postId=${posts()[1]._id}`);
		expect(other.body.exists).toBe(true);
		const free = await call(sandbox, 'GET', `/blogs/posts/url-slug-exists?locationId=${L}&urlSlug=never-used`);
		expect(free.body.exists).toBe(false);
	});
});

describe('writes', () => {
	it('creates a post (data) with checked references and a unique slug', async () => {
		const body = postBody();
		const res = await call(sandbox, 'POST', '/blogs/posts', { json: body });
		expect(res.status).toBe(200);
		expect(res.body.data).toMatchObject({
			_id: expect.stringMatching(/^[0-9a-f]{24}$/), title: body.title, urlSlug: 'n8n-launch', status: 'DRAFT', archived: false,
			categories: body.categories, author: body.author, publishedAt: '2030-05-01T09:00:00.000Z', blogId: body.blogId,
		});
		const stored = store().posts.get(res.body.data._id)!;
		expect(stored).toMatchObject({ rawHTML: '<h1>Hello</h1>', locationId: L });
		expect((await call(sandbox, 'GET', `/blogs/posts/url-slug-exists?locationId=${L}&urlSlug=n8n-launch`)).body.exists).toBe(true);

		expect((await call(sandbox, 'POST', '/blogs/posts', { json: body })).status).toBe(400);
		const noAuthor = await call(sandbox, 'POST', '/blogs/posts', { json: postBody({ urlSlug: 'other-1', author: 'ffffffffffffffffffffffff' }) });
		expect(noAuthor.status).toBe(404);
		expect(noAuthor.body.message).toBe('Author not found');
		expect((await call(sandbox, 'POST', '/blogs/posts', { json: postBody({ urlSlug: 'other-2', categories: ['ffffffffffffffffffffffff'] }) })).body.message).toBe('Category not found');
		expect((await call(sandbox, 'POST', '/blogs/posts', { json: postBody({ urlSlug: 'other-3', blogId: 'ffffffffffffffffffffffff' }) })).status).toBe(404);
		const incomplete = await call(sandbox, 'POST', '/blogs/posts', { json: { ...postBody({ urlSlug: 'other-4' }), description: undefined } });
		expect(incomplete.status).toBe(422);
		expect(incomplete.body.message).toContain('description should not be empty');
		expect((await call(sandbox, 'POST', '/blogs/posts', { json: postBody({ urlSlug: 'Not A Slug' }) })).status).toBe(422);
		expect(posts()).toHaveLength(SEEDED_POSTS + 1);
	});

	it('updates a post (updatedBlogPost); its own slug stays allowed, another post’s is refused', async () => {
		const post = posts()[0];
		const body = postBody({ title: 'Brushing, revisited', urlSlug: post.urlSlug, status: 'ARCHIVED', author: [...store().authors.keys()][2] });
		const res = await call(sandbox, 'PUT', `/blogs/posts/${post._id}`, { json: body });
		expect(res.status).toBe(200);
		expect(res.body.updatedBlogPost).toMatchObject({ _id: post._id, title: 'Brushing, revisited', status: 'ARCHIVED', archived: true, urlSlug: post.urlSlug });
		expect(store().posts.get(post._id)).toMatchObject({ title: 'Brushing, revisited', author: body.author, rawHTML: '<h1>Hello</h1>' });
		const clash = await call(sandbox, 'PUT', `/blogs/posts/${post._id}`, { json: postBody({ urlSlug: posts()[1].urlSlug }) });
		expect(clash.status).toBe(400);
		const missing = await call(sandbox, 'PUT', '/blogs/posts/ffffffffffffffffffffffff', { json: body });
		expect(missing.status).toBe(404);
		expect(missing.body.message).toBe('Blog post not found');
	});
});
