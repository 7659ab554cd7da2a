/**
 * What a results file is: its name and version, its size limits and its shape. Exporting needs
 * only this; the strict zod schema that checks files coming in lives in `bundle.ts`.
 */
import type { AttemptRow, EventRow, ProfileRow, ScenarioRow } from '../storage/db';

export const FORMAT = 'fraud-drill-results';
export const FORMAT_VERSION = 1;

export const LIMITS = {
	/** Bytes of a whole file. */
	fileBytes: 50 * 1024 * 1024,
	/** Objects and lists inside one another (a scenario document in a backup is the deepest). */
	depth: 32,
	id: 100,
	hash: 128,
	name: 80,
	employeeNo: 40,
	branch: 80,
	cohort: 40,
	appVersion: 40,
	profiles: 10_000,
	attempts: 200_000,
	events: 5_000_000,
	scenarios: 1_000,
	/** Simulated seconds one clock tick may carry. */
	tickSeconds: 10_000_000
} as const;

export type BundleScope =
	{ kind: 'trainee'; value: string } | { kind: 'cohort'; value: string } | { kind: 'all' } | { kind: 'backup' };

export interface ResultsBundle {
	format: typeof FORMAT;
	formatVersion: typeof FORMAT_VERSION;
	appVersion: string;
	/** ISO 8601, UTC. */
	exportedAt: string;
	scope: BundleScope;
	profiles: ProfileRow[];
	attempts: AttemptRow[];
	/** Every attempt's whole log, steps 0…n-1. */
	events: EventRow[];
	/** Scenarios imported on the exporting PC; only in backups. */
	scenarios?: ScenarioRow[];
}
