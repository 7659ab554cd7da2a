import { beforeAll, describe, expect, it } from 'vitest';
import type { AttemptRow, AttemptSummary } from '../storage/db';
import { verifyAttempt } from './verify';
import { LOGS, mini, tick, type Mini } from './test-support';

let m: Mini;
beforeAll(async () => {
	m = await mini();
});

const STOPPED: AttemptSummary = { overall: 100, passed: true, outcome: 'fraud-stopped', ending: 'stopped' };
const row = (summary: AttemptSummary | null, status: AttemptRow['status']): AttemptRow => ({
	id: 'a',
	profileId: 'p',
	scenarioId: 'mini',
	scenarioVersion: 1,
	scenarioHash: 'ab',
	seed: 7,
	mode: 'practice',
	status,
	startedAt: 1,
	updatedAt: 2,
	summary
});

describe('verifyAttempt', () => {
	it.each<[string, AttemptSummary | null, AttemptRow['status'], keyof typeof LOGS, string, AttemptSummary | null]>([
		['a true result', STOPPED, 'finished', 'stopped', 'verified', STOPPED],
		['an unfinished attempt with no result', null, 'active', 'unfinished', 'verified', null],
		['a result never saved (crash after the last step)', null, 'active', 'stopped', 'verified', STOPPED],
		['a higher score', { ...STOPPED, overall: 60 }, 'finished', 'stopped', 'mismatch', STOPPED],
		[
			'another ending',
			{ ...STOPPED, ending: 'lost', outcome: 'money-lost' },
			'finished',
			'stopped',
			'mismatch',
			STOPPED
		],
		[
			'a pass on a loss',
			{ overall: 0, passed: true, outcome: 'money-lost', ending: 'lost' },
			'finished',
			'lost',
			'mismatch',
			{ overall: 0, passed: false, outcome: 'money-lost', ending: 'lost' }
		],
		['a result for an unfinished log', STOPPED, 'finished', 'unfinished', 'mismatch', null],
		['"finished" for an unfinished log', null, 'finished', 'unfinished', 'mismatch', null]
	])('judges %s', (_name, claimed, status, log, verification, trusted) => {
		const v = verifyAttempt(row(claimed, status), LOGS[log], m);
		expect(v.verification).toBe(verification);
		expect(v.summary).toEqual(trusted);
		if (verification === 'mismatch') expect(v.claimed).toEqual(claimed);
	});

	it('flags a log with events the scenario ignores (the app never stores one), even when the result agrees', () => {
		const v = verifyAttempt(row(STOPPED, 'finished'), [...LOGS.stopped, tick(5)], m);
		expect(v).toMatchObject({ verification: 'mismatch', ignored: 1, firstIgnoredStep: 6, summary: STOPPED, claimed: STOPPED });
		const duplicated = [...LOGS.stopped];
		duplicated.splice(1, 0, duplicated[1]!);
		expect(verifyAttempt(row(STOPPED, 'finished'), duplicated, m)).toMatchObject({
			verification: 'mismatch',
			ignored: 1,
			firstIgnoredStep: 3
		});
		expect(verifyAttempt(row(STOPPED, 'finished'), LOGS.stopped, m)).not.toHaveProperty('firstIgnoredStep');
	});

	it('keeps the stated result when the scenario is unknown', () => {
		expect(verifyAttempt(row(STOPPED, 'finished'), LOGS.lost, undefined)).toEqual({
			verification: 'unverifiable',
			summary: STOPPED,
			status: 'finished',
			ignored: 0
		});
	});
});
