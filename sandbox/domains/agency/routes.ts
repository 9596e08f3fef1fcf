// Agency (Company token) routes: snapshots, the company, and creating a sub-account.
import { snapshotsOf } from './state';
import type { Company, Location, LocationSettings } from '../../state';
import { locationsOfCompany, newId } from '../../state';
import { httpError, isPlainObject, notFound } from '../../util';
import type { RouteContext, RouteDef } from '../../route';
import { body, queryValue, token } from '../../route';

/** Why these operations are hand-written, not generic: */
const WHY = 'agency reads need Company tokens, live location counts and snapshot ownership checks';

/** 403 unless the token belongs to this company (404 first when there is no such company). */
function companyFor(ctx: RouteContext, companyId: string | undefined): Company {
	const t = token(ctx);
	const company = companyId ? ctx.state.companies.get(companyId) : undefined;
	if (!company) throw notFound('Company');
	if (company.id !== t.companyId) throw httpError(403, 'The token does not have access to this company');
	return company;
}

const snapshots: RouteDef = {
	method: 'GET',
	path: '/snapshots/', why: WHY,
	handle(ctx) {
		const company = companyFor(ctx, queryValue(ctx, 'companyId'));
		return { body: { snapshots: snapshotsOf(ctx.state, company.id).map((s) => ({ id: s.id, name: s.name, type: s.type })) } };
	},
};

/** GetCompanyByIdSchema: the stored company plus fixed agency settings. */
function companyToApi(ctx: RouteContext, c: Company): Record<string, unknown> {
	const slug = c.name.toLowerCase().replace(/[^a-z0-9]+/g, '-');
	return {
		id: c.id,
		name: c.name,
		email: c.email,
		logoUrl: `${c.website}/logo.png`,
		phone: c.phone,
		website: c.website,
		domain: `https://app.${slug}.example`,
		spareDomain: 'link.msgsndr.example',
		privacyPolicy: `${c.website}/privacy`,
		termsConditions: `${c.website}/terms`,
		address: '100 Market Street',
		city: 'San Francisco',
		postalCode: '94105',
		country: 'US',
		state: 'CA',
		timezone: 'America/Los_Angeles',
		relationshipNumber: '0-000-000',
		subdomain: `https://app.${slug}.example`,
		plan: 2,
		currency: 'USD',
		customerType: 'agency',
		isReselling: false,
		onboardingInfo: { pending: false },
		upgradeEnabledForClients: false,
		cancelEnabledForClients: false,
		autoSuspendEnabled: false,
		saasSettings: {},
		stripeConnectId: '',
		enableDepreciatedFeatures: false,
		premiumUpgraded: false,
		status: 'active',
		locationCount: locationsOfCompany(ctx.state, c.id).length,
		disableEmailService: false,
		isEnterpriseAccount: false,
		isSandboxAccount: true,
		enableNewSubAccountDefaultData: false,
	};
}

const company: RouteDef = {
	method: 'GET',
	path: '/companies/{companyId}', why: WHY,
	handle(ctx) {
		return { body: { company: companyToApi(ctx, companyFor(ctx, ctx.params.companyId)) } };
	},
};

const SETTING_KEYS: Array<keyof LocationSettings> = ['allowDuplicateContact', 'allowDuplicateOpportunity', 'allowFacebookNameMerge', 'disableContactTimezone'];

/** CreateLocationSuccessfulResponseDto. */
export function createdLocationToApi(l: Location): Record<string, unknown> {
	return {
		id: l.id, companyId: l.companyId, name: l.name, phone: l.phone, email: l.email, address: l.address, city: l.city, state: l.state,
		domain: l.domain, country: l.country, postalCode: l.postalCode, website: l.website, timezone: l.timezone,
		settings: { ...l.settings }, social: { ...l.social },
	};
}

const createLocation: RouteDef = {
	method: 'POST',
	path: '/locations/', why: WHY,
	handle(ctx) {
		const b = body(ctx);
		const owner = companyFor(ctx, String(b.companyId));
		const str = (v: unknown) => (typeof v === 'string' ? v : '');
		if (typeof b.name !== 'string' || !b.name.trim()) throw httpError(422, ['name should not be empty']);
		if (b.snapshotId !== undefined && b.snapshotId !== null && b.snapshotId !== '') {
			if (!snapshotsOf(ctx.state, owner.id).some((s) => s.id === b.snapshotId)) throw httpError(400, `Snapshot ${String(b.snapshotId)} not found`);
		}
		const name = b.name.trim();
		const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'location';
		const prospect = isPlainObject(b.prospectInfo) ? b.prospectInfo : {};
		const settings: LocationSettings = { allowDuplicateContact: false, allowDuplicateOpportunity: false, allowFacebookNameMerge: false, disableContactTimezone: false };
		if (isPlainObject(b.settings)) for (const key of SETTING_KEYS) if (typeof b.settings[key] === 'boolean') settings[key] = b.settings[key] as boolean;
		const social: Record<string, string> = {};
		if (isPlainObject(b.social)) for (const [k, v] of Object.entries(b.social)) if (typeof v === 'string') social[k] = v;
		const timezone = str(b.timezone) || 'America/New_York';
		const location: Location = {
			id: newId(ctx.state),
			companyId: owner.id,
			name,
			domain: `${slug}.msgsndr.example`,
			email: str(prospect.email),
			phone: str(b.phone),
			firstName: str(prospect.firstName),
			lastName: str(prospect.lastName),
			address: str(b.address),
			city: str(b.city),
			state: str(b.state),
			country: str(b.country) || 'US', // HighLevel's default country
			postalCode: str(b.postalCode),
			website: str(b.website),
			timezone,
			logoUrl: '',
			settings,
			social,
			business: { name, address: str(b.address), city: str(b.city), state: str(b.state), country: str(b.country), postalCode: str(b.postalCode), website: str(b.website), timezone },
		};
		ctx.state.locations.set(location.id, location);
		return { body: createdLocationToApi(location) };
	},
};

export const agencyRoutes: RouteDef[] = [snapshots, company, createLocation];
