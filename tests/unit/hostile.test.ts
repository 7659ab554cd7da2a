/**
 * The hostile-document corpus (`tests/fixtures/hostile.ts`) through the check, directly and through
 * the real CLI (`npm run scenarios:check`): each document is refused with a located message or
 * accepted, and the slow ones stop at the budget instead of hanging or exhausting memory.
 */
import { describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { checkScenarioFile } from '$lib/library/check';
import { hostileCases } from '../fixtures/hostile';

const cases = hostileCases();

describe('hostile scenario documents, checked directly', () => {
	for (const c of cases.filter((c) => !c.slow))
		it(`${c.file}: ${c.what}`, () => {
			const report = checkScenarioFile(c.file, c.bytes);
			if (c.expect === 'accept') expect(report.problems).toEqual([]);
			else {
				expect(report.problems.length).toBeGreaterThan(0);
				expect(report.problems.join('\n')).toMatch(c.expect);
				// Every problem names the file, and says where or what.
				for (const p of report.problems) expect(p.startsWith(`${c.file}: `)).toBe(true);
			}
		});
});

describe('hostile scenario documents, through the CLI', () => {
	it('refuses or accepts each one, as the direct check does, and stops at the budget', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'hostile-'));
		const files = cases.map((c) => {
			const path = join(dir, c.file);
			writeFileSync(path, c.bytes);
			return path;
		});
		const run = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'scripts/scenarios-check.ts', ...files], {
			maxBuffer: 64 * 1024 * 1024
		}).catch((e: { stdout: string; code: number }) => e);
		expect('code' in run ? run.code : 0).toBe(1);
		// One section per file: "✓ name …" or "✗ name", then its lines.
		const sections = new Map<string, string>();
		let current = '';
		for (const line of run.stdout.split('\n')) {
			const head = /^[✓✗] (\S+)/.exec(line);
			if (head) sections.set((current = head[1]!), line);
			else if (current && line.startsWith('  ')) sections.set(current, `${sections.get(current)}\n${line}`);
			else current = '';
		}
		for (const c of cases) {
			const section = sections.get(c.file);
			expect(section, c.file).toBeDefined();
			if (c.expect === 'accept') expect(section!.startsWith('✓'), section).toBe(true);
			else {
				expect(section!.startsWith('✗'), c.file).toBe(true);
				expect(section, c.file).toMatch(c.expect);
			}
		}
		expect(run.stdout).toMatch(new RegExp(`\\n${cases.filter((c) => c.expect === 'accept').length} passed, ${cases.filter((c) => c.expect !== 'accept').length} failed`));
	}, 600_000);
});
