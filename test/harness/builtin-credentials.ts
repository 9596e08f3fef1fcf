import type { ICredentialType, INodeProperties } from 'n8n-workflow';

/**
 * Stand-ins for the generic credential types that live in n8n-nodes-base (not installed here)
 * and that community credentials may `extends`. Only the properties matter: n8n merges the
 * parent's properties into the child's (child wins on equal names, parent properties with
 * `doNotInherit` are skipped) and fills in their defaults when it decrypts a credential.
 *
 * Modelled on n8n-nodes-base `OAuth2Api` (2.x): the fields n8n-core's requestOAuth2 reads
 * (grantType, accessTokenUrl, clientId, clientSecret, scope, authentication, ...) with the
 * same defaults and display conditions. Properties flagged doNotInherit in n8n
 * (ignoreSSLIssues, tokenExpiredStatusCode, jweEnabled) are kept with that flag.
 */
const oAuth2ApiProperties: INodeProperties[] = [
	{ displayName: 'Use Dynamic Client Registration', name: 'useDynamicClientRegistration', type: 'hidden', default: false },
	{
		displayName: 'Grant Type',
		name: 'grantType',
		type: 'options',
		displayOptions: { show: { useDynamicClientRegistration: [false] } },
		options: [
			{ name: 'Authorization Code', value: 'authorizationCode' },
			{ name: 'Client Credentials', value: 'clientCredentials' },
			{ name: 'PKCE', value: 'pkce' },
		],
		default: 'authorizationCode',
	},
	{
		displayName: 'Server URL',
		name: 'serverUrl',
		type: 'string',
		displayOptions: { show: { useDynamicClientRegistration: [true] } },
		default: '',
	},
	{
		displayName: 'Authorization URL',
		name: 'authUrl',
		type: 'string',
		displayOptions: { show: { grantType: ['authorizationCode', 'pkce'], useDynamicClientRegistration: [false] } },
		default: '',
		required: true,
	},
	{
		displayName: 'Access Token URL',
		name: 'accessTokenUrl',
		type: 'string',
		displayOptions: { show: { useDynamicClientRegistration: [false] } },
		default: '',
		required: true,
	},
	{
		displayName: 'Client ID',
		name: 'clientId',
		type: 'string',
		displayOptions: { show: { useDynamicClientRegistration: [false] } },
		default: '',
		required: true,
	},
	{
		displayName: 'Client Secret',
		name: 'clientSecret',
		type: 'string',
		typeOptions: { password: true },
		displayOptions: { show: { useDynamicClientRegistration: [false] } },
		default: '',
		required: true,
	},
	{
		displayName: 'Scope',
		name: 'scope',
		type: 'string',
		displayOptions: { show: { useDynamicClientRegistration: [false] } },
		default: '',
	},
	{
		displayName: 'Auth URI Query Parameters',
		name: 'authQueryParameters',
		type: 'string',
		displayOptions: { show: { grantType: ['authorizationCode', 'pkce'], useDynamicClientRegistration: [false] } },
		default: '',
	},
	{
		displayName: 'Authentication',
		name: 'authentication',
		type: 'options',
		displayOptions: { show: { useDynamicClientRegistration: [false] } },
		options: [
			{ name: 'Body', value: 'body' },
			{ name: 'Header', value: 'header' },
		],
		default: 'header',
	},
	{
		displayName: 'Send Additional Body Properties',
		name: 'sendAdditionalBodyProperties',
		type: 'boolean',
		displayOptions: { show: { grantType: ['clientCredentials'], authentication: ['body'], useDynamicClientRegistration: [false] } },
		default: false,
	},
	{
		displayName: 'Additional Body Properties',
		name: 'additionalBodyProperties',
		type: 'json',
		displayOptions: {
			show: {
				grantType: ['clientCredentials'],
				authentication: ['body'],
				sendAdditionalBodyProperties: [true],
				useDynamicClientRegistration: [false],
			},
		},
		default: '',
	},
	{ displayName: 'Ignore SSL Issues (Insecure)', name: 'ignoreSSLIssues', type: 'boolean', default: false, doNotInherit: true },
	{ displayName: 'Token Expired Status Code', name: 'tokenExpiredStatusCode', type: 'number', default: 401, doNotInherit: true },
	{ displayName: 'JWE Token Decryption', name: 'jweEnabled', type: 'boolean', default: false, doNotInherit: true },
];

export const OAUTH2_API: ICredentialType = {
	name: 'oAuth2Api',
	displayName: 'OAuth2 API',
	documentationUrl: 'httprequest',
	genericAuth: true,
	properties: oAuth2ApiProperties,
};

/** Generic parent credential types known to the harness, by name. */
export const BUILTIN_CREDENTIAL_TYPES: Record<string, ICredentialType> = {
	oAuth2Api: OAUTH2_API,
};
