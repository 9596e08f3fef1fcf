import type { CodexData } from 'n8n-workflow';

/**
 * HighLevel's product areas, one action node each, as n8n splits Google or Microsoft into several
 * nodes: each node's description stays small enough for the editor, and its list short enough to scroll.
 * A resource names its area; a node ships once its area has a resource (a file in nodes/<Class>/).
 */
interface AreaInfo {
	/** n8n node type name inside the package. */
	node: string;
	displayName: string;
	description: string;
	categories: string[];
	/** Resource selected in a new node (default: the first); saved workflows omit it, so it never changes. */
	defaultResource?: string;
}

export const AREAS = {
	crm: {
		node: 'goHighLevel',
		displayName: 'GoHighLevel',
		description: 'Work with contacts, calendars, opportunities, conversations and more in HighLevel (API v2)',
		categories: ['Sales', 'Marketing', 'Communication'],
		defaultResource: 'contact',
	},
	payments: {
		node: 'goHighLevelPayments',
		displayName: 'GoHighLevel Payments',
		description: 'Invoices, estimates, orders, transactions, subscriptions, coupons, products and prices in HighLevel',
		categories: ['Sales', 'Finance & Accounting'],
	},
	marketing: {
		node: 'goHighLevelMarketing',
		displayName: 'GoHighLevel Marketing',
		description: 'Social planner, blogs, email builder, funnels, documents, courses and ads in HighLevel',
		categories: ['Marketing'],
	},
	ai: {
		node: 'goHighLevelAi',
		displayName: 'GoHighLevel AI',
		description: 'Conversation AI, agent studio, voice AI and knowledge bases in HighLevel',
		categories: ['AI', 'Communication'],
	},
	agency: {
		node: 'goHighLevelAgency',
		displayName: 'GoHighLevel Agency',
		description: 'Agency administration in HighLevel: SaaS, snapshots, marketplace, custom menus, affiliates, phone system',
		categories: ['Sales', 'Utility'],
	},
} satisfies Record<string, AreaInfo>;

export type ProductArea = keyof typeof AREAS;

export const AREA_NAMES = Object.keys(AREAS) as ProductArea[];

export function areaOfNode(nodeName: string): ProductArea | undefined {
	return AREA_NAMES.find((area) => AREAS[area].node === nodeName);
}

/** What n8n's node panel shows about the node (otherwise read from a codex file beside it). */
export function areaCodex(area: ProductArea): CodexData {
	return {
		categories: AREAS[area].categories,
		alias: ['HighLevel', 'GHL', 'LeadConnector', AREAS[area].displayName],
		resources: {
			credentialDocumentation: [{ url: 'https://github.com/n8n-nodes-gohighlevel/n8n-nodes-gohighlevel#credentials' }],
			primaryDocumentation: [
				{ url: 'https://github.com/n8n-nodes-gohighlevel/n8n-nodes-gohighlevel#operations' },
				{ url: 'https://marketplace.gohighlevel.com/docs/' },
			],
		},
	};
}
