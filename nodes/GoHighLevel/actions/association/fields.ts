import type { INodeProperties } from 'n8n-workflow';
import { recordLocator, textParam } from '../kit';
import type { SendTo } from '../../engine/declarations';

export const READ = ['associations.readonly'];

export const WRITE = ['associations.write'];

/** Association fields are all required by HighLevel. */
export const requiredText = (displayName: string, name: string, send: SendTo, extra: Partial<INodeProperties> = {}) => textParam(displayName, name, send, { required: true, ...extra });

export const associationId = recordLocator({ name: 'associationId', displayName: 'Association', searchMethod: 'searchAssociations', send: { in: 'path' } });

export const paging = { style: 'offset' as const, in: 'query' as const, limit: 'limit', offset: 'skip', counts: 'items' as const, pageSize: 100 };
