import './env';

import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { parse as parseQueryString } from 'node:querystring';

import { WebhookContext, WorkflowExecute } from 'n8n-core';
import type {
	IDataObject,
	INode,
	INodeExecutionData,
	IWebhookData,
	IWebhookResponseData,
	IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';
import { UnexpectedError, Workflow, createRunExecutionData, jsonParse } from 'n8n-workflow';

import { listenOnLoopback } from '../../sandbox/util';
import { createAdditionalData } from './additional-data';
import { useHarnessDeduplication } from './deduplication';
import type { RunNodeOptions } from './types';
import { prepareRun } from './workflow';

export interface WebhookTriggerOptions extends Omit<RunNodeOptions, 'inputItems' | 'continueOnFail'> {
	/**
	 * 'webhook' (default): the production URL of an active workflow, as n8n's LiveWebhooks runs it —
	 * static data loaded when the request arrives and saved after the answer.
	 * 'manual': the editor's test URL ("Listen for test event"); static data is never saved.
	 */
	mode?: 'webhook' | 'manual';
	/** Workflow static data to start from (e.g. `staticData()` of an earlier server). Not mutated. */
	staticData?: IDataObject;
	/** Ids to reuse, e.g. to run the same workflow node again after a simulated restart. */
	workflowId?: string;
	nodeId?: string;
	/**
	 * Milliseconds between loading the workflow's static data and running the node, standing in for
	 * n8n's database read per request: concurrent requests within it load the same static data, and
	 * the last one to save wins, as in n8n. Default 0.
	 */
	storageDelayMs?: number;
}

export interface WebhookRequestRecord {
	status: number;
	/** The response body as text. */
	response: string;
	/** Whether the node's webhook() started an execution. */
	started: boolean;
	/**
	 * What the trigger node passed on in that execution (the items its children ran with); null when
	 * no execution started.
	 */
	emitted: INodeExecutionData[] | null;
	/** What the node's webhook() threw (n8n answers 500 then), or the execution's error. */
	error?: unknown;
}

export interface WebhookTriggerServer {
	/** POST here: the node's webhook URL. */
	url: string;
	workflowId: string;
	nodeId: string;
	/** One entry per request, in the order their handling finished. */
	requests: WebhookRequestRecord[];
	/** Every item the trigger passed on, over all executions, in order. */
	emitted(): INodeExecutionData[];
	/** How many requests started an execution. */
	executions(): number;
	/** How many executions went past the trigger (it passed at least one item on). */
	executionsPastTrigger(): number;
	/** The saved workflow static data (JSON), as n8n would have stored it. */
	staticData(): IDataObject;
	close(): Promise<void>;
}

interface HarnessRequest extends IncomingMessage {
	body?: unknown;
	params: Record<string, string>;
	query: Record<string, unknown>;
}

/** Content type and charset, as n8n's `parseIncomingMessage` puts them on the request. */
function describeContent(req: IncomingMessage): void {
	const header = req.headers['content-type'] ?? '';
	const [type, ...params] = header.split(';');
	req.contentType = type.trim().toLowerCase() || undefined;
	const charset = params.map((p) => p.trim()).find((p) => p.toLowerCase().startsWith('charset='));
	req.encoding = (charset ? charset.slice('charset='.length).trim().toLowerCase() : 'utf-8') as BufferEncoding;
}

/** n8n's `rawBodyReader` middleware: `readRawBody()` reads the stream once into `rawBody` (a Buffer). */
function installRawBodyReader(req: IncomingMessage): void {
	req.readRawBody = async () => {
		if (req.rawBody) return;
		const chunks: Buffer[] = [];
		for await (const chunk of req) chunks.push(chunk as Buffer);
		req.rawBody = Buffer.concat(chunks);
		req._body = true;
	};
}

/** n8n's `parseBody` as `executeWebhook` runs it for a version-1 node: JSON, form and text bodies. */
async function parseBody(req: HarnessRequest): Promise<void> {
	await req.readRawBody();
	const { rawBody, contentType, encoding } = req;
	if (!rawBody?.length) return;
	if (contentType === 'application/json') req.body = jsonParse(rawBody.toString(encoding));
	else if (contentType === 'application/x-www-form-urlencoded') req.body = parseQueryString(rawBody.toString(encoding));
	else if (contentType === 'text/plain') req.body = rawBody.toString(encoding);
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
	if (res.headersSent || res.writableEnded) return;
	const text = JSON.stringify(body);
	res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(text) });
	res.end(text);
}

/**
 * Serves one webhook trigger node over real HTTP, handling each request the way n8n's
 * LiveWebhooks / `executeWebhook` do: the request object n8n builds (raw body kept as a Buffer,
 * JSON parsed into `body`), a real n8n-core `WebhookContext` in mode 'webhook' (or 'manual'), the
 * node's `webhook()`, then n8n's answer — nothing more when the node answered itself
 * (`noWebhookResponse`), 200 "Webhook call received" when it returned no workflow data, otherwise
 * the execution runs in n8n-core's WorkflowExecute and 200 "Workflow was started" is answered
 * (response mode onReceived). Unlike n8n, which answers as the execution starts, the harness answers
 * once it finished, so a test reads its results right after the response. Static data is saved
 * exactly where n8n saves it, which is why the node cannot keep it from webhook() alone.
 */
export async function startWebhookTrigger(options: WebhookTriggerOptions): Promise<WebhookTriggerServer> {
	const mode = options.mode ?? 'webhook';
	await useHarnessDeduplication();
	const run = await prepareRun({ ...options, nodeType: options.nodeType ?? 'goHighLevelWebhookTrigger' }, mode, {
		withStartNode: false,
		staticData: structuredClone(options.staticData ?? {}),
	});
	const workflowId = options.workflowId ?? run.workflowData.id ?? `harness-webhook-${randomUUID()}`;
	const nodeId = options.nodeId ?? run.node.id;
	const node: INode = { ...run.node, id: nodeId, webhookId: run.node.webhookId ?? randomUUID() };
	const nodeType = run.workflow.nodeTypes.getByNameAndVersion(node.type, node.typeVersion);
	const description = nodeType.description.webhooks?.[0];
	if (!nodeType.webhook || !description) throw new UnexpectedError(`Node "${node.type}" has no webhook`);

	let saved: IDataObject = structuredClone(options.staticData ?? {});
	const requests: WebhookRequestRecord[] = [];

	const saveIfChanged = (workflow: Workflow) => {
		const staticData = workflow.staticData as IDataObject & { __dataChanged?: boolean };
		if (mode === 'webhook' && staticData.__dataChanged === true) saved = JSON.parse(JSON.stringify(staticData)) as IDataObject;
	};

	/**
	 * The execution n8n starts with what webhook() returned, as WorkflowRunner runs it: a new Workflow
	 * over the same static data object (which resets its change flag, as establishContextForPersistence
	 * does), the trigger node on the stack with its data (WorkflowExecute runs the node's execute()
	 * when it has one, else passes the data on), and the static data saved afterwards only if the
	 * execution changed it (hookFunctionsSave; manual executions never save).
	 */
	const execute = async (workflow: Workflow, data: INodeExecutionData[][], number: number) => {
		const execution = new Workflow({
			id: workflowId,
			name: run.workflowData.name,
			nodes: Object.values(workflow.nodes),
			connections: {},
			active: mode === 'webhook',
			nodeTypes: run.workflow.nodeTypes,
			staticData: workflow.staticData,
			settings: run.workflowData.settings,
		});
		const runExecutionData = createRunExecutionData({
			executionData: { nodeExecutionStack: [{ node: execution.getNode(node.name)!, data: { main: data }, source: null }] },
		});
		const additionalData = createAdditionalData({
			credentialsHelper: run.credentialsHelper,
			executionId: `harness-webhook-run-${number}`,
			mode,
			workflowData: run.workflowData,
		});
		const done = await new WorkflowExecute(additionalData, mode === 'manual' ? 'manual' : 'webhook', runExecutionData).processRunExecutionData(execution);
		saveIfChanged(execution);
		const task = done.data.resultData.runData[node.name]?.[0];
		return { emitted: task?.data?.main?.[0] ?? [], error: done.data.resultData.error };
	};

	const handle = async (req: HarnessRequest, res: ServerResponse): Promise<WebhookRequestRecord> => {
		// LiveWebhooks loads the workflow (and its static data) from the database per request.
		const workflow = new Workflow({
			id: workflowId,
			name: run.workflowData.name,
			nodes: [structuredClone(node)],
			connections: {},
			active: mode === 'webhook',
			nodeTypes: run.workflow.nodeTypes,
			staticData: structuredClone(saved),
			settings: run.workflowData.settings,
		});
		const workflowNode = workflow.getNode(node.name)!;
		if (options.storageDelayMs) await new Promise((resolve) => setTimeout(resolve, options.storageDelayMs));

		const url = new URL(req.url ?? '/', 'http://127.0.0.1');
		req.params = {};
		req.query = Object.fromEntries(url.searchParams);
		describeContent(req);
		installRawBodyReader(req);
		try {
			await parseBody(req);
		} catch (error) {
			sendJson(res, 422, { code: 422, message: 'Failed to parse request body', hint: (error as Error).message });
			return { status: 422, response: '', started: false, emitted: null };
		}

		const additionalData: IWorkflowExecuteAdditionalData = {
			...createAdditionalData({
				credentialsHelper: run.credentialsHelper,
				executionId: `harness-webhook-exec-${requests.length + 1}`,
				mode,
				workflowData: run.workflowData,
			}),
			httpRequest: req as unknown as IWorkflowExecuteAdditionalData['httpRequest'],
			httpResponse: res as unknown as IWorkflowExecuteAdditionalData['httpResponse'],
		};
		const webhookData: IWebhookData = {
			httpMethod: 'POST',
			node: node.name,
			path: String(description.path),
			webhookDescription: description,
			workflowId,
			workflowExecuteAdditionalData: additionalData,
			webhookId: node.webhookId,
			isTest: mode === 'manual',
		};
		const context = new WebhookContext(workflow, workflowNode, additionalData, mode, webhookData, [], null);

		let result: IWebhookResponseData;
		try {
			result = await nodeType.webhook!.call(context);
		} catch (error) {
			sendJson(res, 500, { code: 0, message: 'Workflow Webhook Error: Workflow could not be started!' });
			return { status: 500, response: '', started: false, emitted: null, error };
		}

		let emitted: INodeExecutionData[] | null = null;
		let error: unknown;
		if (result.workflowData !== undefined) {
			({ emitted, error } = await execute(workflow, result.workflowData, requests.length + 1));
			if (!result.noWebhookResponse) sendJson(res, 200, { message: 'Workflow was started' });
		} else if (!result.noWebhookResponse) {
			sendJson(res, 200, result.webhookResponse !== undefined ? result.webhookResponse : { message: 'Webhook call received' });
		}
		// LiveWebhooks then saves the static data if its change flag is set (never for test webhooks).
		saveIfChanged(workflow);
		return { status: res.statusCode, response: '', started: result.workflowData !== undefined, emitted, error };
	};

	const server = createServer((req, res) => {
		// Capture the answer's body for the record.
		const chunks: Buffer[] = [];
		const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse;
		res.end = ((...args: unknown[]) => {
			if (typeof args[0] === 'string' || Buffer.isBuffer(args[0])) chunks.push(Buffer.from(args[0] as string));
			return end(...args);
		}) as ServerResponse['end'];
		handle(req as HarnessRequest, res)
			.catch((error: unknown): WebhookRequestRecord => {
				sendJson(res, 500, { message: 'harness failure' });
				return { status: 500, response: '', started: false, emitted: null, error };
			})
			.then((record) => {
				record.response = Buffer.concat(chunks).toString('utf8');
				requests.push(record);
			});
	});
	const { port, close } = await listenOnLoopback(server);
	const webhookPath = `${node.webhookId}/${String(description.path)}`;

	return {
		url: `http://127.0.0.1:${port}/${mode === 'manual' ? 'webhook-test' : 'webhook'}/${webhookPath}`,
		workflowId,
		nodeId,
		requests,
		emitted: () => requests.flatMap((r) => r.emitted ?? []),
		executions: () => requests.filter((r) => r.started).length,
		executionsPastTrigger: () => requests.filter((r) => (r.emitted?.length ?? 0) > 0).length,
		staticData: () => structuredClone(saved),
		close,
	};
}
