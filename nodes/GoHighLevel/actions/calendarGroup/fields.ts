import { VERSION_2021_04_15 } from '../kit';
import type { INodeProperties } from 'n8n-workflow';

export const base = { resource: 'calendarGroup', version: VERSION_2021_04_15 } as const;

export const slugHelp: Partial<INodeProperties> = { placeholder: 'e.g. sales-team', description: 'URL part of the group’s booking page' };
