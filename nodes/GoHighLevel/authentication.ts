import type { INodeCredentialDescription, INodeProperties } from 'n8n-workflow';

/** The two credentials every HighLevel node with requests accepts, chosen by Authentication. */
export const HIGHLEVEL_CREDENTIALS: INodeCredentialDescription[] = [
	{
		name: 'goHighLevelOAuth2Api',
		required: true,
		displayOptions: { show: { authentication: ['oAuth2'] } },
	},
	{
		name: 'goHighLevelPrivateIntegrationApi',
		required: true,
		displayOptions: { show: { authentication: ['privateIntegrationToken'] } },
	},
];

export const AUTHENTICATION_PROPERTY: INodeProperties = {
	displayName: 'Authentication',
	name: 'authentication',
	type: 'options',
	options: [
		{ name: 'OAuth2 (Marketplace App)', value: 'oAuth2' },
		{ name: 'Private Integration Token', value: 'privateIntegrationToken' },
	],
	default: 'oAuth2',
};
