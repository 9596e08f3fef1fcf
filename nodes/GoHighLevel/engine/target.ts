import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { OperationDeclaration } from './declarations';
import { locationTokenFor } from '../transport/location';
import type { AuthSession, HighLevelContext } from '../transport/session';
import { COMPANY_PARAMETER, LOCATION_PARAMETER } from './description';
import { validate } from './values';

export interface RequestTarget {
	locationId?: string;
	companyId?: string;
	bearer?: string;
}

/** Refuses agency-only operations with a sub-account token, and finds the company id where needed. */
export function resolveCompany(ctx: IExecuteFunctions, session: AuthSession, decl: OperationDeclaration, itemIndex: number): string | undefined {
	if (decl.agencyOnly && session.tokenType !== 'Company') {
		throw new NodeOperationError(
			ctx.getNode(),
			`"${decl.name}" needs an agency (Company) token, but the credential holds a sub-account (Location) token`,
			{ itemIndex, description: 'Use an OAuth2 credential installed on the agency, or an agency Private Integration token. Nothing was sent.' },
		);
	}
	if (!decl.company) return undefined;
	const chosen = String(ctx.getNodeParameter(COMPANY_PARAMETER, itemIndex, '') ?? '').trim();
	const companyId = chosen || session.companyId;
	if (!companyId) {
		throw new NodeOperationError(ctx.getNode(), '"Company ID" is required: the credential does not carry a company', { itemIndex });
	}
	const problem = validate(companyId, 'id');
	if (problem) throw new NodeOperationError(ctx.getNode(), `Company ID: ${problem}`, { itemIndex });
	return companyId;
}

/**
 * Which location an item acts on, and with which token: the node's Location parameter wins,
 * else the credential's own location. An agency OAuth token is exchanged for a location token.
 */
export async function resolveTarget(
	ctx: IExecuteFunctions,
	session: AuthSession,
	decl: OperationDeclaration,
	itemIndex: number,
): Promise<RequestTarget> {
	if (!decl.location) return {};
	const chosen = String(ctx.getNodeParameter(LOCATION_PARAMETER, itemIndex, '', { extractValue: true }) ?? '').trim();
	const locationId = chosen || session.tokenLocationId;
	if (!locationId) {
		const why =
			session.tokenType === 'Company'
				? 'The credential is an agency token, which acts on many sub-accounts: choose the Location to act on'
				: 'The credential has no location: set the Location, or the Location ID of the Private Integration credential';
		throw new NodeOperationError(ctx.getNode(), `"Location" is required. ${why}.`, { itemIndex });
	}
	return await actOnLocation(ctx, session, locationId, itemIndex);
}

/**
 * The one place a location id becomes a request target (operations, trigger and pickers): it is
 * checked, and an agency OAuth token is exchanged for that location's token.
 */
export async function actOnLocation(ctx: HighLevelContext, session: AuthSession, locationId: string, itemIndex = 0): Promise<RequestTarget> {
	const problem = validate(locationId, 'id');
	if (problem) throw new NodeOperationError(ctx.getNode(), `Location: ${problem}`, { itemIndex });
	if (session.tokenType === 'Company' && session.credentialType === 'goHighLevelOAuth2Api') {
		return { locationId, bearer: await locationTokenFor(ctx, session, locationId, itemIndex) };
	}
	return { locationId };
}
