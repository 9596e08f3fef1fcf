// Agency-level data of the sandbox: snapshots of the demo company and the extra company
// details GET /companies/{companyId} answers with. state.ts holds `state.snapshots`.
import { DEMO } from './demo';
import type { SandboxState } from './state';

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

export function seedSnapshots(state: SandboxState): void {
	for (const s of DEMO_SNAPSHOTS) state.snapshots.set(s.id, { ...s });
}

export function snapshotsOf(state: SandboxState, companyId: string): Snapshot[] {
	return [...state.snapshots.values()].filter((s) => s.companyId === companyId);
}
