import type { ICredentialType, Icon, INodeProperties } from 'n8n-workflow';

import { DEFAULT_BASE_URL, DEFAULT_SCOPES } from './scopes';

export class GoHighLevelOAuth2Api implements ICredentialType {
	name = 'goHighLevelOAuth2Api';

	extends = ['oAuth2Api'];

	displayName = 'GoHighLevel OAuth2 API';

	icon: Icon = { light: 'file:../icons/gohighlevel.svg', dark: 'file:../icons/gohighlevel.dark.svg' };

	documentationUrl = 'https://github.com/n8n-nodes-gohighlevel/n8n-nodes-gohighlevel#oauth2-marketplace-app';

	properties: INodeProperties[] = [
		{
			displayName: 'Grant Type',
			name: 'grantType',
			type: 'hidden',
			default: 'authorizationCode',
		},
		{
			displayName: 'Authorization URL',
			name: 'authUrl',
			type: 'options',
			options: [
				{
					name: 'Standard (marketplace.gohighlevel.com)',
					value: 'https://marketplace.gohighlevel.com/v2/oauth/chooselocation',
				},
				{
					name: 'White-Label (marketplace.leadconnectorhq.com)',
					value: 'https://marketplace.leadconnectorhq.com/v2/oauth/chooselocation',
				},
			],
			default: 'https://marketplace.gohighlevel.com/v2/oauth/chooselocation',
			description: 'Where the account owner picks the sub-account or agency to connect. Use White-Label when your agency runs HighLevel under its own domain.',
		},
		{
			displayName: 'Token Type',
			name: 'userType',
			type: 'options',
			options: [
				{
					name: 'Location (Sub-Account)',
					value: 'Location',
					description: 'The token acts on the one sub-account chosen at install time',
				},
				{
					name: 'Company (Agency)',
					value: 'Company',
					description: 'The token acts on the agency; each node picks a location and a location token is obtained for it',
				},
			],
			default: 'Location',
			description: 'The kind of token your marketplace app installs. HighLevel reports it again in the token response, which takes precedence.',
		},
		{
			displayName: 'Scope',
			name: 'scope',
			type: 'string',
			default: DEFAULT_SCOPES,
			description: 'Space-separated scopes. The default covers every operation of this node; they must also be enabled in your marketplace app.',
		},
		{
			displayName: 'Auth URI Query Parameters',
			name: 'authQueryParameters',
			type: 'hidden',
			default: '',
		},
		{
			displayName: 'Authentication',
			name: 'authentication',
			type: 'hidden',
			default: 'body',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: DEFAULT_BASE_URL,
			description: 'Leave as is for HighLevel. Change it only to point at a compatible test server such as the bundled sandbox.',
		},
		{
			displayName: 'Access Token URL',
			name: 'accessTokenUrl',
			type: 'hidden',
			// Follows the Base URL, so a sandbox also answers token refreshes.
			default: '={{$self["baseUrl"].replace(/\\/+$/, "")}}/oauth/token',
		},
	];
}
