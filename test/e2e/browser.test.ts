// The n8n editor in Debian's Chromium (playwright-core): owner set-up, our nodes in the node panel,
// and the Contact → Create form with its custom-field picker filled from the sandbox. Screenshots
// go to docs/ (shown in the README). No Chromium = a failing test, never a skipped one.
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

import type { Browser, Page } from 'playwright-core';
import { chromium, selectors } from 'playwright-core';

import { sandboxCredential } from '../../scripts/n8n/examples';
import type { N8nInstance } from '../../scripts/n8n/instance';
import { ROOT } from '../../scripts/n8n/paths';
import type { Sandbox } from '../../sandbox';
import { DEMO } from '../../sandbox';
import { newInstance, newSandbox } from './setup';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const DOCS = join(ROOT, 'docs');
// Flags for a root user on a machine without network (n8n-conventions.md, env notes).
const FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

let sandbox: Sandbox;
let n8n: N8nInstance;
let browser: Browser;
let page: Page;

beforeAll(async () => {
	if (!existsSync(CHROMIUM)) throw new Error(`Chromium is not installed at ${CHROMIUM}: apt-get install -y chromium (or set CHROMIUM_PATH)`);
	mkdirSync(DOCS, { recursive: true });
	selectors.setTestIdAttribute('data-test-id');
	sandbox = await newSandbox();
	n8n = await newInstance('browser');
	await n8n.importCredentials([sandboxCredential(sandbox.url)]);
	await n8n.importWorkflows([
		{
			id: 'e2eBrowserForm1',
			name: 'Contact form',
			active: false,
			settings: {},
			connections: {},
			pinData: {},
			nodes: [
				{
					id: 'bf-1',
					name: 'Create contact',
					type: 'n8n-nodes-gohighlevel.goHighLevel',
					typeVersion: 1,
					position: [0, 0],
					parameters: { authentication: 'privateIntegrationToken', resource: 'contact', operation: 'create' },
					credentials: { goHighLevelPrivateIntegrationApi: { id: 'ghlSandboxPit001', name: 'HighLevel sandbox' } },
				},
			],
		},
	]);
	await n8n.start();
	browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
	page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
});
afterAll(async () => {
	await browser?.close();
	await n8n?.stop();
	await sandbox?.close();
});

describe('the n8n editor with n8n-nodes-gohighlevel', () => {
	it('loads and sets up the owner account', async () => {
		await page.goto(n8n.url);
		await page.waitForURL(/\/setup/);
		await page.screenshot({ path: join(DOCS, 'owner-setup.png') });
		await page.locator('input[name=email]').fill('owner@sandbox.local');
		await page.locator('input[name=firstName]').fill('Sandbox');
		await page.locator('input[name=lastName]').fill('Owner');
		await page.locator('input[name=password]').fill('Sandbox-Owner-1');
		const [setup] = await Promise.all([page.waitForResponse((r) => r.url().includes('/rest/owner/setup')), page.getByTestId('form-submit-button').click()]);
		expect(setup.status()).toBe(200);
		await page.waitForURL((url) => !url.pathname.startsWith('/setup'), { timeout: 60_000 });
		// Signed in: the main sidebar of the editor is there.
		await page.getByTestId('main-sidebar-settings').waitFor({ timeout: 60_000 });
		await page.waitForLoadState('networkidle');
	});

	it('shows both GoHighLevel triggers and the GoHighLevel action node in the node panel', async () => {
		await page.goto(`${n8n.url}/workflow/new`);
		await page.getByTestId('canvas-plus-button').click();
		await page.getByTestId('node-creator-search-bar').waitFor();
		await page.waitForTimeout(1000);
		await page.keyboard.type('GoHighLevel');
		const names = page.getByTestId('node-creator-item-name');
		await names.filter({ hasText: 'GoHighLevel' }).first().waitFor();
		const triggers = (await names.allTextContents()).map((t) => t.trim());
		expect(triggers).toEqual(expect.arrayContaining(['GoHighLevel', 'GoHighLevel Webhook']));
		await page.screenshot({ path: join(DOCS, 'node-panel-triggers.png') });

		// After a first node, the panel lists actions: the GoHighLevel action node is there.
		await page.goto(`${n8n.url}/workflow/e2eBrowserForm1`);
		await page.getByTestId('canvas-node').first().waitFor();
		await page.getByTestId('node-creator-plus-button').click();
		await page.getByTestId('node-creator-search-bar').waitFor();
		await page.keyboard.type('GoHighLevel');
		await page.getByTestId('node-creator-item-name').filter({ hasText: /^\s*GoHighLevel\s*$/ }).first().waitFor();
		await page.screenshot({ path: join(DOCS, 'node-panel-actions.png') });
		await page.keyboard.press('Escape');
	});

	it('renders Contact → Create with its parameters and the custom-field picker loaded from the sandbox', async () => {
		const before = sandbox.requests.length;
		await page.goto(`${n8n.url}/workflow/e2eBrowserForm1`);
		await page.getByTestId('canvas-node').first().dblclick();
		const form = page.getByTestId('node-parameters');
		await form.waitFor();
		for (const input of ['parameter-input-resource', 'parameter-input-operation', 'parameter-input-location', 'parameter-input-email', 'parameter-input-phone']) {
			await expect(form.getByTestId(input).count()).resolves.toBe(1);
		}
		await form.getByTestId('fixed-collection-add').first().click();
		// The Field dropdown of the new custom-field row: its options come from GET /locations/{id}/customFields.
		const fieldSelect = form.getByTestId('parameter-input-id').first();
		await fieldSelect.locator('input').first().click();
		const option = page.locator('.remote-parameter-option', { hasText: 'Favourite Colour' }).first();
		await option.waitFor({ state: 'visible', timeout: 30_000 });
		const offered = (await page.locator('.remote-parameter-option').allTextContents()).map((t) => t.trim());
		expect(offered).toEqual(expect.arrayContaining(['Favourite Colour', 'Lead Score', 'Preferred Channel', 'Interests']));
		await page.screenshot({ path: join(DOCS, 'contact-create-custom-fields.png') });
		const loaded = sandbox.requests.slice(before).map((r) => `${r.method} ${r.path}`);
		expect(loaded).toContain(`GET /locations/${DEMO.locationId}/customFields`);
		await option.click();
		await page.screenshot({ path: join(DOCS, 'contact-create.png') });
	});
});
