import type { ParamDeclaration } from '../../engine/declarations';

export const messageId = (name = 'messageId'): ParamDeclaration => ({
	property: { displayName: 'Message ID', name: 'messageId', type: 'string', default: '', required: true, placeholder: 'e.g. ve9EPM428h8vShlRW1KT' },
	send: { in: 'path', name },
	validate: 'id',
});

export const fileName = (suffix: string) => (parts: { pathParams: Record<string, string> }) => `${parts.pathParams.messageId ?? 'message'}${suffix}`;
