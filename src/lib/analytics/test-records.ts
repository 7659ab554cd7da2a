/** Test helper: an attempt record with every field defaulted, for unit tests with known answers. */
import { COMPETENCIES, type Competency } from '../scenario/vocabulary';
import type { AttemptRecord, RedFlagRecord } from './records';

export type Comp = Partial<Record<Competency, number>>;

export const flag = (clue: string, state: 'found' | 'missed' | 'hidden'): RedFlagRecord => ({
	clue,
	shown: state !== 'hidden',
	found: state === 'found',
	timeToMark: state === 'found' ? 10 : null
});

export function record(fields: Partial<AttemptRecord> & { comp?: Comp }): AttemptRecord {
	const { comp = {}, ...rest } = fields;
	return {
		attemptId: 'a',
		seed: 1,
		rules: 2,
		traineeId: 't1',
		traineeName: '张三',
		employeeNo: 'E001',
		branch: '城东支行',
		cohort: 'A',
		scenarioId: 's',
		scenarioVersion: 1,
		scamType: 'fake-police',
		audience: 'teller',
		mode: 'assessment',
		startedAt: Date.UTC(2025, 2, 3, 2),
		finished: true,
		outcome: 'fraud-stopped',
		ending: 'end',
		overall: 0,
		passed: false,
		competencies: Object.fromEntries(COMPETENCIES.map((k) => [k, comp[k] ?? null])) as AttemptRecord['competencies'],
		moneyProtected: 0,
		moneyLost: 0,
		redFlags: [],
		falseAlarms: 0,
		decisions: [],
		firstInterventionAt: null,
		durationSeconds: 300,
		ignoredEvents: 0,
		summaryAgrees: true,
		path: [],
		...rest
	};
}
