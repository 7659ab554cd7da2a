/**
 * The IndexedDB database (Dexie). The only module that imports dexie. Every schema version stays
 * declared here with its upgrade, so a database from any released version opens and keeps its rows.
 */
import Dexie, { type EntityTable } from 'dexie';
import type { AttemptEvent } from '$lib/scenario/compile';
import type { Outcome } from '$lib/scenario/schema';

export interface ProfileRow {
	id: string;
	name: string;
	employeeNo: string;
	branch: string;
	cohort: string;
	createdAt: number;
}

export type AttemptMode = 'practice' | 'assessment';
export type AttemptStatus = 'active' | 'finished';

/** A cache of the replayed result, for lists; the event log stays the truth. */
export interface AttemptSummary {
	overall: number;
	passed: boolean;
	outcome: Outcome | null;
	ending: string | null;
}

export interface AttemptRow {
	id: string;
	profileId: string;
	scenarioId: string;
	scenarioVersion: number;
	scenarioHash: string;
	seed: number;
	mode: AttemptMode;
	status: AttemptStatus;
	startedAt: number;
	updatedAt: number;
	summary: AttemptSummary | null;
}

export interface EventRow {
	attemptId: string;
	seq: number;
	event: AttemptEvent;
	/** Wall-clock time it was recorded (for analytics; replay never reads it). */
	at: number;
}

export interface ScenarioRow {
	id: string;
	version: number;
	hash: string;
	/** The validated document as imported. */
	doc: unknown;
	importedAt: number;
}

export const DB_NAME = 'fraud-drill';

export class FraudDrillDB extends Dexie {
	profiles!: EntityTable<ProfileRow, 'id'>;
	attempts!: EntityTable<AttemptRow, 'id'>;
	events!: Dexie.Table<EventRow, [string, number]>;
	scenarios!: Dexie.Table<ScenarioRow, [string, number]>;

	constructor(name = DB_NAME, options?: ConstructorParameters<typeof Dexie>[1]) {
		super(name, options);
		this.version(1).stores({
			profiles: 'id, name, cohort',
			attempts: 'id, profileId, scenarioId, [profileId+scenarioId], startedAt',
			events: '[attemptId+seq], attemptId',
			scenarios: '[id+version], id'
		});
	}
}
