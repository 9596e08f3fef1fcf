// Blogs, authors, categories and posts of DEMO.locationId (ids are 24-hex like HighLevel's).
import { DEMO } from '../../demo';
import type { CoreState } from '../accounts/state';
import { objectId } from '../../stores';
import { createRng, pick } from '../../util';

/** What this domain's data functions use: the accounts plus its own data (no dependency on the composed state). */
type State = CoreState & { blogs: BlogData };

export type BlogPostStatus = 'DRAFT' | 'PUBLISHED' | 'SCHEDULED' | 'ARCHIVED';

export interface Blog {
	_id: string;
	locationId: string;
	name: string;
	description: string;
	urlSlug: string;
	updatedAt: string;
}

export interface BlogAuthor {
	_id: string;
	locationId: string;
	name: string;
	canonicalLink: string;
	updatedAt: string;
}

export interface BlogCategory {
	_id: string;
	locationId: string;
	label: string;
	urlSlug: string;
	canonicalLink: string;
	updatedAt: string;
}

export interface BlogPost {
	_id: string;
	locationId: string;
	blogId: string;
	title: string;
	description: string;
	rawHTML: string;
	imageUrl: string;
	imageAltText: string;
	status: BlogPostStatus;
	archived: boolean;
	categories: string[];
	tags: string[];
	author: string;
	urlSlug: string;
	canonicalLink: string;
	publishedAt: string;
	createdAt: string;
	updatedAt: string;
}

export interface BlogData {
	blogs: Map<string, Blog>;
	authors: Map<string, BlogAuthor>;
	categories: Map<string, BlogCategory>;
	posts: Map<string, BlogPost>;
}

export function createBlogData(): BlogData {
	return { blogs: new Map(), authors: new Map(), categories: new Map(), posts: new Map() };
}

const SEED = 0x5eed2021 ^ 0xb1095;
const SITE = 'https://sandbox-dental.example';
export const SEEDED_POSTS = 30;

const TOPICS = [
	'How to Brush Properly', 'Flossing Myths Debunked', 'What to Expect at Your First Visit', 'Teeth Whitening: Facts and Risks',
	'Dental Implants Explained', 'Braces or Clear Aligners?', 'Kids and Their First Dentist', 'Sugar and Your Smile',
	'Why Gums Bleed', 'Mouthguards for Sports', 'Sensitive Teeth Remedies', 'The Truth About Charcoal Toothpaste',
];
const TAGS = ['oral health', 'tips', 'kids', 'cosmetic', 'news', 'hygiene', 'implants'];

export function slugify(text: string): string {
	return text.toLowerCase().normalize('NFD').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
}

/** Seeds 2 blogs, 3 authors, 4 categories and 30 posts (all in the first blog). */
export function seedBlogs(state: State): void {
	const data = state.blogs;
	const rng = createRng(SEED);
	const locationId = DEMO.locationId;
	const at = '2024-01-15T09:00:00.000Z';
	for (const [name, description] of [['Sandbox Dental Blog', 'Tips and news from our clinic'], ['Clinic Updates', 'Opening hours, team and announcements']]) {
		const blog: Blog = { _id: objectId(rng), locationId, name, description, urlSlug: slugify(name), updatedAt: at };
		data.blogs.set(blog._id, blog);
	}
	for (const name of ['Dana Whitfield', 'Priya Natarajan', 'Dr. Sam Okoro']) {
		const author: BlogAuthor = { _id: objectId(rng), locationId, name, canonicalLink: `${SITE}/blog/author/${slugify(name)}`, updatedAt: at };
		data.authors.set(author._id, author);
	}
	for (const label of ['Oral Health', 'Clinic News', 'Cosmetic Dentistry', 'Kids']) {
		const category: BlogCategory = { _id: objectId(rng), locationId, label, urlSlug: slugify(label), canonicalLink: `${SITE}/blog/category/${slugify(label)}`, updatedAt: at };
		data.categories.set(category._id, category);
	}
	const blogId = [...data.blogs.keys()][0];
	const authors = [...data.authors.keys()];
	const categories = [...data.categories.keys()];
	const start = Date.UTC(2024, 1, 1, 8);
	for (let i = 0; i < SEEDED_POSTS; i++) {
		const topic = TOPICS[i % TOPICS.length];
		const title = i < TOPICS.length ? topic : `${topic} (Part ${Math.floor(i / TOPICS.length) + 1})`;
		const urlSlug = slugify(title);
		const status: BlogPostStatus = i % 10 === 3 ? 'DRAFT' : i % 10 === 7 ? 'ARCHIVED' : i === SEEDED_POSTS - 1 ? 'SCHEDULED' : 'PUBLISHED';
		const published = i === SEEDED_POSTS - 1 ? Date.UTC(2026, 0, 15, 9) : start + i * 9 * 24 * 3600 * 1000 + Math.floor(rng() * 8 * 3600 * 1000);
		const cats = [pick(rng, categories)];
		if (rng() < 0.3) {
			const other = pick(rng, categories);
			if (!cats.includes(other)) cats.push(other);
		}
		const post: BlogPost = {
			_id: objectId(rng),
			locationId,
			blogId,
			title,
			description: `${title}: what our team recommends.`,
			rawHTML: `<h1>${title}</h1><p>Our team shares what every patient should know.</p>`,
			imageUrl: `https://storage.sandbox.example/${locationId}/media/blog-${i + 1}.jpg`,
			imageAltText: title,
			status,
			archived: status === 'ARCHIVED',
			categories: cats,
			tags: [pick(rng, TAGS), pick(rng, TAGS)].filter((t, k, all) => all.indexOf(t) === k),
			author: pick(rng, authors),
			urlSlug,
			canonicalLink: `${SITE}/blog/post/${urlSlug}`,
			publishedAt: new Date(published).toISOString(),
			createdAt: new Date(published - 2 * 24 * 3600 * 1000).toISOString(),
			updatedAt: new Date(published + 3600 * 1000).toISOString(),
		};
		data.posts.set(post._id, post);
	}
}
