// A poller that keeps the workflow static data between polls, like an active n8n workflow.
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import type { Sandbox } from '../../sandbox';
import type { HarnessCredential } from '../harness';
import { runPoll } from '../harness';
import { privateToken } from './fixtures';

export interface Poller {
	poll(mode?: 'manual' | 'trigger'): Promise<INodeExecutionData[] | null>;
	cursorBytes(): number;
	staticData(): IDataObject;
}

export function poller(sandbox: Sandbox, event: string, parameters: IDataObject = {}, credential: HarnessCredential = privateToken(sandbox)): Poller {
	let staticData: IDataObject = {};
	let nodeData: IDataObject = {};
	return {
		async poll(mode = 'trigger') {
			const result = await runPoll({
				nodeType: 'goHighLevelTrigger',
				mode,
				staticData,
				parameters: { authentication: 'privateIntegrationToken', event, ...parameters },
				credentials: credential,
			});
			if (mode === 'trigger') {
				staticData = result.staticData;
				nodeData = result.nodeStaticData;
			}
			return result.result ? result.result[0] : null;
		},
		cursorBytes: () => Buffer.byteLength(JSON.stringify(nodeData)),
		staticData: () => staticData,
	};
}
