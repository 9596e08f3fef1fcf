// HighLevel sandbox: a local, in-memory, deterministic fake of the HighLevel API v2.
import { createServer } from 'node:http';

import type { AdminControls } from './admin';
import { AuthStore } from './auth';
import { Router, Validator, allScopes, loadContract } from './contract';
import { Faults } from './faults';
import { RequestLog } from './log';
import { RateLimiter } from './rateLimit';
import type { Engine } from './server';
import { createListener } from './server';
import { extrasCollection } from './domains/contactExtras/state';
import { departedSchemas } from './specDepartures';
import { contactsOf, createState, reseedContacts, resetState } from './state';
import type { RateLimitConfig, Sandbox, SandboxOptions } from './types';
import { listenOnLoopback } from './util';

export { DEMO } from './demo';
export type { FaultConfig, IssueGrantOptions, IssueTokenOptions, LoggedRequest, RateLimitConfig, Sandbox, SandboxOptions, UserType } from './types';
export type { Company, Contact, CustomField, CustomFieldValue, Location, SandboxState, Tag, User } from './state';
export type { Opportunity, OpportunityFieldValue, OpportunityStatus, Pipeline, PipelineStage } from './domains/opportunities/state';
export type { Snapshot } from './domains/agency/state';
export type { Appointment, AppointmentStatus, Business, Campaign, Note, Task, Workflow, WorkflowEnrolment } from './domains/contactExtras/state';
export { APPOINTMENT_CALENDAR_IDS, DEMO_BUSINESSES, DEMO_CAMPAIGNS, DEMO_WORKFLOWS, EXTRAS_SEEDED_CONTACTS } from './domains/contactExtras/state';
export { DEFAULT_RATE_LIMIT, RateLimiter } from './rateLimit';
export { WebhookSigner, sandboxWebhookSigner, sendWebhook, sendWebhookBurst, signWebhook } from './webhooks';
export type { BurstOptions, BurstResult, Delivery, SendWebhookOptions, SendWebhookResult, SignWebhookOptions, SignatureScheme, SignedWebhook } from './webhooks';

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
	const clock = options.clock ?? Date.now;
	const seedCount = options.seedContacts ?? 25;
	const contract = loadContract();
	const state = createState(seedCount);
	const auth = new AuthStore(state, clock, options.accessTokenTtlSec ?? 86399, allScopes(contract));
	const limiter = new RateLimiter(options.rateLimit, clock);
	const faults = new Faults(options.latency);
	const log = new RequestLog(options.logFile ?? (process.env.HIGHLEVEL_SANDBOX_LOG || undefined), options.requestLogLimit);

	const reset = () => {
		resetState(state, seedCount);
		auth.restorePrivateTokens();
		log.clear();
		faults.clear();
		limiter.reset(options.rateLimit ?? {});
	};
	const configure = (patch: { rateLimit?: Partial<RateLimitConfig> }) => {
		if (patch.rateLimit) limiter.configure(patch.rateLimit);
	};

	const admin: AdminControls = {
		health: () => ({ ok: true, url: engine.baseUrl, contacts: state.contacts.size, rateLimit: limiter.current, faults: faults.current }),
		reset,
		setFaults: (f) => faults.set(f),
		configure,
		issueToken: (opts) => auth.issueToken(opts),
		seed: (n) => reseedContacts(state, n),
		requests: () => log.entries,
		clearRequests: () => log.clear(),
		contacts: (locationId) => (locationId ? contactsOf(state, locationId) : [...state.contacts.values()]),
		collection: (name, filter) => extrasCollection(state, name, filter),
	};
	const engine: Engine = {
		state, auth, limiter, faults, log, admin, clock,
		router: new Router(contract.operations),
		validator: new Validator(departedSchemas(contract.schemas)),
		baseUrl: '',
	};

	const server = createServer(createListener(engine));
	server.keepAliveTimeout = 5000;
	const { port, close } = await listenOnLoopback(server, options.port ?? 0);
	engine.baseUrl = `http://127.0.0.1:${port}`;

	return {
		url: engine.baseUrl,
		port,
		state,
		requests: log.entries,
		configure,
		setFaults: (f) => faults.set(f),
		clearFaults: () => faults.clear(),
		issueToken: (opts) => auth.issueToken(opts),
		issueAuthCode: (opts) => auth.issueCode(auth.identity(opts)),
		issueRefreshToken: (opts) => auth.issueRefreshToken(auth.identity(opts)),
		expireToken: (token) => auth.expire(token),
		reset,
		close,
	};
}

export default startSandbox;
