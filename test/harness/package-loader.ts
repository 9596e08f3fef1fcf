import './env';

import * as path from 'node:path';

import { PackageDirectoryLoader } from 'n8n-core';
import type {
	ICredentialType,
	INodeProperties,
	INodeType,
	IVersionedNodeType,
} from 'n8n-workflow';
import { NodeHelpers, UnexpectedError } from 'n8n-workflow';

import { BUILTIN_CREDENTIAL_TYPES } from './builtin-credentials';

/** The repository root (test/harness/ → ../..). */
export const DEFAULT_PACKAGE_ROOT = path.resolve(__dirname, '..', '..');

/** A community package loaded the way n8n loads one, plus lookups the harness needs. */
export interface LoadedPackage {
	root: string;
	/** package.json `name`; node types are `<packageName>.<shortName>`. */
	packageName: string;
	loader: PackageDirectoryLoader;
	/** Short node names (`description.name`) of the package. */
	nodeNames: string[];
	/** Credential type names of the package (without the harness's built-in parents). */
	credentialNames: string[];
	/** `<packageName>.<shortName>`; a name that already has the prefix is returned as is. */
	fullNodeType(shortOrFullName: string): string;
	/** The loaded node type object (versioned or not) by short or full name. */
	getNodeType(shortOrFullName: string): INodeType | IVersionedNodeType;
	/** The node's default version: `defaultVersion`, else the latest. */
	defaultVersion(shortOrFullName: string): number;
	/** Package credential types and the harness's built-in parents (oAuth2Api). */
	getCredentialType(name: string): ICredentialType;
	hasCredentialType(name: string): boolean;
	/** All ancestors via `extends`, nearest first, like n8n's CredentialTypes.getParentTypes. */
	getParentTypes(name: string): string[];
	/** Own properties merged with the parents' (as n8n's CredentialsHelper.getCredentialsProperties). */
	getCredentialProperties(name: string): INodeProperties[];
}

const cache = new Map<string, Promise<LoadedPackage>>();

/** Load (once per root and module registry) a package through n8n-core's PackageDirectoryLoader. */
export async function loadPackage(packageRoot: string = DEFAULT_PACKAGE_ROOT): Promise<LoadedPackage> {
	const root = path.resolve(packageRoot);
	let pending = cache.get(root);
	if (!pending) {
		pending = createLoadedPackage(root);
		cache.set(root, pending);
		pending.catch(() => cache.delete(root));
	}
	return await pending;
}

async function createLoadedPackage(root: string): Promise<LoadedPackage> {
	const loader = new PackageDirectoryLoader(root);
	await loader.loadAll();
	const { packageName } = loader;

	if (Object.keys(loader.nodeTypes).length === 0 && Object.keys(loader.credentialTypes).length === 0) {
		throw new UnexpectedError(
			`No nodes or credentials were loaded from ${root}: check package.json "n8n" and that the listed files exist (run the build for dist/).`,
		);
	}

	const shortName = (name: string) =>
		name.startsWith(`${packageName}.`) ? name.slice(packageName.length + 1) : name;

	const getNodeType = (name: string): INodeType | IVersionedNodeType => {
		const short = shortName(name);
		if (!(short in loader.nodeTypes)) {
			throw new UnexpectedError(
				`Node "${short}" is not in package ${packageName} (has: ${Object.keys(loader.nodeTypes).join(', ') || 'none'})`,
			);
		}
		return loader.getNode(short).type;
	};

	const getCredentialType = (name: string): ICredentialType => {
		if (name in loader.credentialTypes) return loader.getCredential(name).type;
		if (name in BUILTIN_CREDENTIAL_TYPES) return BUILTIN_CREDENTIAL_TYPES[name];
		throw new UnexpectedError(
			`Credential type "${name}" is neither in package ${packageName} nor a harness built-in (${Object.keys(BUILTIN_CREDENTIAL_TYPES).join(', ')})`,
		);
	};

	const getParentTypes = (name: string): string[] => {
		const direct = getCredentialType(name).extends ?? [];
		const all = [...direct];
		for (const parent of direct) all.push(...getParentTypes(parent));
		return all;
	};

	const getCredentialProperties = (name: string): INodeProperties[] => {
		const type = getCredentialType(name);
		if (type.extends === undefined) {
			if (name === 'oAuth1Api' || name === 'oAuth2Api') {
				// n8n adds the token store as a parameter of the generic OAuth types.
				return [
					...type.properties,
					{ displayName: 'oauthTokenData', name: 'oauthTokenData', type: 'json', required: false, default: {} },
				];
			}
			return type.properties;
		}
		const combined: INodeProperties[] = [];
		for (const parent of type.extends) {
			NodeHelpers.mergeNodeProperties(combined, getCredentialProperties(parent));
		}
		NodeHelpers.mergeNodeProperties(combined, type.properties);
		return combined;
	};

	const defaultVersion = (name: string): number => {
		const type = getNodeType(name);
		if ('nodeVersions' in type) return type.description.defaultVersion ?? type.currentVersion;
		const { version, defaultVersion: dv } = type.description;
		if (dv !== undefined) return dv;
		return Array.isArray(version) ? Math.max(...version) : version;
	};

	return {
		root,
		packageName,
		loader,
		nodeNames: Object.keys(loader.nodeTypes),
		credentialNames: Object.keys(loader.credentialTypes),
		fullNodeType: (name) => `${packageName}.${shortName(name)}`,
		getNodeType,
		defaultVersion,
		getCredentialType,
		hasCredentialType: (name) => name in loader.credentialTypes || name in BUILTIN_CREDENTIAL_TYPES,
		getParentTypes,
		getCredentialProperties,
	};
}
