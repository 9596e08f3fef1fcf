// Fixed identities of the seeded demo account: the same on every run, so docs, CLI output
// and tests can name them.
export const DEMO = {
	companyId: '2HCjUU0K0muNZy1l5XF4',
	locationId: 'NaX7SwdZHC3VEKQDuVKL',
	otherLocationId: 'U38Lfrpfq1W3W8bfM8kh',
	clientId: 'sandbox-client-id',
	clientSecret: 'sandbox-client-secret',
	/** Private Integration Token of DEMO.locationId: all scopes, never expires. */
	locationPrivateToken: 'pit-sandbox-location-0000-0000-000000000000',
	/** Private Integration Token of the company (userType Company): all scopes, never expires. */
	agencyPrivateToken: 'pit-sandbox-agency-0000-0000-0000000000000',
	/** userIds[0] is the agency owner (installer of the demo app); the others are sub-account users. */
	userIds: ['YibFqOeAnR0KkkZDNYEU', 'kA4AqrEyVg6KO1LgZHBR', '7uFyBj4EfY3LwWeWE9Xn', 'YHl9FlsDLG05BJVhnfMI'] as string[],
} as const;

/** A company that is not the demo one: its locations are off limits to demo tokens. */
export const FOREIGN_COMPANY_ID = '5O0vhFMKR85j03v7HhyU';
