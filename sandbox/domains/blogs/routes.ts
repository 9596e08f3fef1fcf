// Blogs: sites, posts (list, create, update), authors, categories and the URL slug check.
import type { BlogAuthor, BlogCategory, BlogPost, BlogPostStatus } from './state';
import { objectId } from '../../stores';
import { httpError, notFound } from '../../util';
import type { RouteContext, RouteDef } from '../../route';
import { body, intQuery, queryValue } from '../../route';

/** Why these operations are hand-written, not generic: */
const WHY = 'posts must reference existing blogs, authors and categories; slugs are unique and validated';

const SLUG = /^[a-z0-9]+(?:[-_][a-z0-9]+)*$/;

function postApi(p: BlogPost): Record<string, unknown> {
	return {
		_id: p._id,
		locationId: p.locationId,
		blogId: p.blogId,
		title: p.title,
		description: p.description,
		imageUrl: p.imageUrl,
		imageAltText: p.imageAltText,
		status: p.status,
		archived: p.archived,
		categories: [...p.categories],
		tags: [...p.tags],
		author: p.author,
		urlSlug: p.urlSlug,
		canonicalLink: p.canonicalLink,
		publishedAt: p.publishedAt,
		updatedAt: p.updatedAt,
	};
}

function authorApi(a: BlogAuthor): Record<string, unknown> {
	return { _id: a._id, name: a.name, locationId: a.locationId, updatedAt: a.updatedAt, canonicalLink: a.canonicalLink };
}

function categoryApi(c: BlogCategory): Record<string, unknown> {
	// The DTO lists `label` and requires `name`: both carry the label.
	return { _id: c._id, label: c.label, name: c.label, locationId: c.locationId, updatedAt: c.updatedAt, canonicalLink: c.canonicalLink, urlSlug: c.urlSlug };
}

function offsetPage<T>(ctx: RouteContext, rows: T[], offsetName: 'offset' | 'skip'): T[] {
	const offset = intQuery(ctx, offsetName, 0, 0, Number.MAX_SAFE_INTEGER);
	const limit = intQuery(ctx, 'limit', 10, 1, 100);
	return rows.slice(offset, offset + limit);
}

function ofLocation<T extends { locationId: string }>(map: Map<string, T>, locationId: string): T[] {
	return [...map.values()].filter((v) => v.locationId === locationId);
}

function slugTaken(ctx: RouteContext, locationId: string, urlSlug: string, exceptPostId?: string): boolean {
	for (const p of ctx.state.blogs.posts.values()) if (p.locationId === locationId && p.urlSlug === urlSlug && p._id !== exceptPostId) return true;
	return false;
}

const sites: RouteDef = {
	method: 'GET',
	path: '/blogs/site/all', why: WHY,
	handle(ctx) {
		const term = queryValue(ctx, 'searchTerm')?.trim().toLowerCase();
		let rows = ofLocation(ctx.state.blogs.blogs, String(queryValue(ctx, 'locationId')));
		if (term) rows = rows.filter((b) => b.name.toLowerCase().includes(term));
		return { body: { data: offsetPage(ctx, rows, 'skip').map((b) => ({ _id: b._id, name: b.name, description: b.description, urlSlug: b.urlSlug, updatedAt: b.updatedAt })) } };
	},
};

const posts: RouteDef = {
	method: 'GET',
	path: '/blogs/posts/all', why: WHY,
	handle(ctx) {
		const locationId = String(queryValue(ctx, 'locationId'));
		const blog = ctx.state.blogs.blogs.get(String(queryValue(ctx, 'blogId')));
		if (!blog || blog.locationId !== locationId) throw notFound('Blog');
		const term = queryValue(ctx, 'searchTerm')?.trim().toLowerCase();
		const status = queryValue(ctx, 'status');
		let rows = [...ctx.state.blogs.posts.values()].filter((p) => p.blogId === blog._id);
		if (status) rows = rows.filter((p) => p.status === status);
		if (term) rows = rows.filter((p) => p.title.toLowerCase().includes(term) || p.description.toLowerCase().includes(term));
		rows.sort((a, b) => (a.publishedAt === b.publishedAt ? (a._id < b._id ? 1 : -1) : a.publishedAt < b.publishedAt ? 1 : -1));
		return { body: { blogs: offsetPage(ctx, rows, 'offset').map(postApi) } };
	},
};

const authors: RouteDef = {
	method: 'GET',
	path: '/blogs/authors', why: WHY,
	handle(ctx) {
		const rows = ofLocation(ctx.state.blogs.authors, String(queryValue(ctx, 'locationId')));
		return { body: { authors: offsetPage(ctx, rows, 'offset').map(authorApi) } };
	},
};

const categories: RouteDef = {
	method: 'GET',
	path: '/blogs/categories', why: WHY,
	handle(ctx) {
		const rows = ofLocation(ctx.state.blogs.categories, String(queryValue(ctx, 'locationId')));
		return { body: { categories: offsetPage(ctx, rows, 'offset').map(categoryApi) } };
	},
};

const slugExists: RouteDef = {
	method: 'GET',
	path: '/blogs/posts/url-slug-exists', why: WHY,
	handle(ctx) {
		const urlSlug = String(queryValue(ctx, 'urlSlug')).trim();
		return { body: { exists: slugTaken(ctx, String(queryValue(ctx, 'locationId')), urlSlug, queryValue(ctx, 'postId') || undefined) } };
	},
};

/** Checks the references and values of a create/update body; returns the fields to store. */
function postFields(ctx: RouteContext, exceptPostId?: string) {
	const b = body(ctx);
	const locationId = String(b.locationId);
	const blog = ctx.state.blogs.blogs.get(String(b.blogId));
	if (!blog || blog.locationId !== locationId) throw notFound('Blog');
	const author = ctx.state.blogs.authors.get(String(b.author));
	if (!author || author.locationId !== locationId) throw notFound('Author');
	const categoryIds = (b.categories as string[]).map(String);
	for (const id of categoryIds) {
		const category = ctx.state.blogs.categories.get(id);
		if (!category || category.locationId !== locationId) throw notFound('Category');
	}
	const urlSlug = String(b.urlSlug).trim();
	if (!SLUG.test(urlSlug)) throw httpError(422, ['urlSlug must contain only lower-case letters, digits and hyphens']);
	if (slugTaken(ctx, locationId, urlSlug, exceptPostId)) throw httpError(400, `URL slug ${urlSlug} already exists`);
	const published = Date.parse(String(b.publishedAt));
	if (Number.isNaN(published)) throw httpError(422, ['publishedAt must be a valid ISO 8601 date string']);
	const status = b.status as BlogPostStatus;
	return {
		locationId,
		blogId: blog._id,
		title: String(b.title),
		description: String(b.description),
		rawHTML: String(b.rawHTML),
		imageUrl: String(b.imageUrl),
		imageAltText: String(b.imageAltText),
		status,
		archived: status === 'ARCHIVED',
		categories: [...new Set(categoryIds)],
		tags: Array.isArray(b.tags) ? b.tags.map(String) : [],
		author: author._id,
		urlSlug,
		canonicalLink: typeof b.canonicalLink === 'string' && b.canonicalLink ? b.canonicalLink : `https://sandbox-dental.example/blog/post/${urlSlug}`,
		publishedAt: new Date(published).toISOString(),
	};
}

const createPost: RouteDef = {
	method: 'POST',
	path: '/blogs/posts', why: WHY,
	handle(ctx) {
		const fields = postFields(ctx);
		const at = new Date(ctx.now()).toISOString();
		const post: BlogPost = { _id: objectId(ctx.state.idRng), ...fields, createdAt: at, updatedAt: at };
		ctx.state.blogs.posts.set(post._id, post);
		return { body: { data: postApi(post) } };
	},
};

const updatePost: RouteDef = {
	method: 'PUT',
	path: '/blogs/posts/{postId}', why: WHY,
	handle(ctx) {
		const post = ctx.state.blogs.posts.get(ctx.params.postId);
		if (!post || post.locationId !== body(ctx).locationId) throw notFound('Blog post');
		Object.assign(post, postFields(ctx, post._id), { updatedAt: new Date(ctx.now()).toISOString() });
		return { body: { updatedBlogPost: postApi(post) } };
	},
};

export const blogRoutes: RouteDef[] = [sites, posts, authors, categories, slugExists, createPost, updatePost];
