import type { OperationDeclaration } from '../../engine/declarations';
import { addFollowers } from './addFollowers';

export const removeFollowers: OperationDeclaration = {
	...addFollowers,
	operation: 'removeFollowers',
	name: 'Remove Followers',
	action: 'Remove followers from an opportunity',
	description: 'Remove users from the followers of an opportunity',
	method: 'DELETE',
};
