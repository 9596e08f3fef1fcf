// Collections the hand-written domains keep, which some generically served operations also act on
// (e.g. PUT/DELETE /conversations/{id}): the generic engine merges into and removes from them.
import type { SandboxState } from '../state';

/** The templates of those collections (e.g. for tests that pick existing ids). */
export const SHARED_COLLECTIONS = ['/conversations', '/locations', '/locations/{locationId}/customFields', '/locations/{locationId}/tags'];

export function sharedCollection(state: SandboxState, template: string): Map<string, object> | undefined {
	switch (template) {
		case '/conversations':
			return state.conversations.conversations;
		case '/locations':
			return state.locations;
		case '/locations/{locationId}/customFields':
			return state.customFields;
		case '/locations/{locationId}/tags':
			return state.tags;
	}
	return undefined;
}
