// Agency-level data of the sandbox: snapshots of the demo company and the extra company
// details GET /companies/{companyId} answers with. state.ts holds `state.snapshots`.
import { DEMO } from '../../demo';
import type { CoreState } from '../accounts/state';

/** What this domain's data functions use: the accounts plus its own data (no dependency on the composed state). */
type State = CoreState & { snapshots: Map<string, Snapshot> };

export interface Snapshot {
	id: string;
	companyId: string;
	name: string;
	/** 'own' or 'imported' (SnapshotsSchema.type). */
	type: 'own' | 'imported';
}

/** Fixed ids so docs and tests can name them. */
export const DEMO_SNAPSHOTS: readonly Snapshot[] = [
	{ id: 'SnapDentalStarter001', companyId: DEMO.companyId, name: 'Dental Practice Starter', type: 'own' },
	{ id: 'SnapMarketingPack002', companyId: DEMO.companyId, name: 'Marketing Agency Pack', type: 'imported' },
];

export function seedSnapshots(state: State): void {
	for (const s of DEMO_SNAPSHOTS) state.snapshots.set(s.id, { ...s });
}

export function snapshotsOf(state: State, companyId: string): Snapshot[] {
	return [...state.snapshots.values()].filter((s) => s.companyId === companyId);
}
