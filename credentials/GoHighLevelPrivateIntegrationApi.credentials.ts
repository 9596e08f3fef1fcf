import type {
	IAuthenticateGeneric,
	ICredentialTestRequest,
	ICredentialType,
	Icon,
	INodeProperties,
} from 'n8n-workflow';

import { DEFAULT_BASE_URL } from './scopes';

export class GoHighLevelPrivateIntegrationApi implements ICredentialType {
	name = 'goHighLevelPrivateIntegrationApi';

	displayName = 'GoHighLevel Private Integration API';

	icon: Icon = { light: 'file:../icons/gohighlevel.svg', dark: 'file:../icons/gohighlevel.dark.svg' };

	documentationUrl = 'https://github.com/n8n-nodes-gohighlevel/n8n-nodes-gohighlevel#private-integration-token';

	properties: INodeProperties[] = [
		{
			displayName: 'Private Integration Token',
			name: 'token',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'Created in HighLevel under Settings → Private Integrations, with the scopes your workflows need',
		},
		{
			displayName: 'Location ID',
			name: 'locationId',
			type: 'string',
			default: '',
			description: 'The sub-account this token belongs to (Settings → Business Profile). Used whenever a node does not set its own Location. Leave empty for an agency token.',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: DEFAULT_BASE_URL,
			description: 'Leave as is for HighLevel. Change it only to point at a compatible test server such as the bundled sandbox.',
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: {
				Authorization: '=Bearer {{$credentials.token}}',
			},
		},
	};

	// Reads the token's own location (sub-account token) or one location of the agency (agency token),
	// so a wrong, rotated or mistyped token fails here rather than in a workflow.
	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl.replace(/\\/+$/, "")}}',
			url: '={{$credentials.locationId ? "/locations/" + encodeURIComponent($credentials.locationId) : "/locations/search"}}',
			method: 'GET',
			headers: { Version: '2021-07-28' },
		},
	};
}
