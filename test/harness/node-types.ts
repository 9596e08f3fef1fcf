import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	INodeTypes,
	IVersionedNodeType,
} from 'n8n-workflow';
import { NodeHelpers, UnexpectedError } from 'n8n-workflow';

import type { LoadedPackage } from './package-loader';

export const START_NODE_TYPE = 'n8n-nodes-base.manualTrigger';
export const START_NODE_NAME = 'Manual Trigger';

/**
 * Manual Trigger stand-in (n8n-nodes-base is not installed). The real Manual Trigger emits one
 * empty item; this one passes on whatever the execution stack handed it, so a test can feed
 * any items to the node under test through a real connection (pairedItem, $input, source).
 */
export class HarnessStartNode implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Manual Trigger',
		name: 'manualTrigger',
		group: ['trigger'],
		version: 1,
		description: 'Harness stand-in for the Manual Trigger',
		defaults: { name: START_NODE_NAME },
		inputs: [],
		outputs: ['main'],
		properties: [],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return [this.getInputData()];
	}
}

/** Records the error thrown out of the node under test's `execute()` (the instance, before the engine serialises it). */
export class ErrorCapture {
	thrown: unknown;
}

/**
 * INodeTypes for one workflow: the package's nodes (by `<package>.<name>`) plus the start
 * stand-in. `getByNameAndVersion` resolves versions with NodeHelpers.getVersionedNodeType,
 * as n8n's NodeTypes does. The node under test is handed out through a thin prototype
 * wrapper whose `execute` rethrows unchanged after recording the error.
 */
export class HarnessNodeTypes implements INodeTypes {
	private readonly start = new HarnessStartNode();

	private readonly wrapped = new Map<INodeType, INodeType>();

	constructor(
		private readonly pkg: LoadedPackage,
		private readonly capture?: { fullType: string; capture: ErrorCapture },
	) {}

	getByName(nodeType: string): INodeType | IVersionedNodeType {
		if (nodeType === START_NODE_TYPE) return this.start;
		return this.pkg.getNodeType(this.ownName(nodeType));
	}

	getByNameAndVersion(nodeType: string, version?: number): INodeType {
		const type = NodeHelpers.getVersionedNodeType(this.getByName(nodeType), version);
		if (this.capture && nodeType === this.capture.fullType) return this.wrap(type, this.capture.capture);
		return type;
	}

	getKnownTypes(): IDataObject {
		const known: IDataObject = { [START_NODE_TYPE]: { className: 'HarnessStartNode', sourcePath: __filename } };
		for (const [name, info] of Object.entries(this.pkg.loader.known.nodes)) {
			known[`${this.pkg.packageName}.${name}`] = { ...info };
		}
		return known;
	}

	private ownName(nodeType: string): string {
		if (!nodeType.startsWith(`${this.pkg.packageName}.`)) {
			throw new UnexpectedError(`Unknown node type "${nodeType}" (harness knows ${START_NODE_TYPE} and ${this.pkg.packageName}.*)`);
		}
		return nodeType;
	}

	private wrap(type: INodeType, capture: ErrorCapture): INodeType {
		const original = type.execute;
		if (!original) return type;
		let wrapper = this.wrapped.get(type);
		if (!wrapper) {
			wrapper = Object.create(type) as INodeType;
			// Same `this` and arguments as the engine's call (context for classic nodes, the node for class nodes).
			wrapper.execute = async function (this: unknown, ...args: unknown[]) {
				try {
					return await (original as (...a: unknown[]) => Promise<INodeExecutionData[][] | null>).apply(this, args);
				} catch (error) {
					capture.thrown = error;
					throw error;
				}
			} as INodeType['execute'];
			this.wrapped.set(type, wrapper);
		}
		return wrapper;
	}
}
