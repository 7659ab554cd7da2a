/**
 * Part (e) of `npm run bench`: the scenario check's time and states explored, in Node (as the CLI
 * runs it) and in the browser (the trainer's import, in its worker), for the largest built-in
 * scenario, the worst document that still fits the budget, and one that does not.
 */
import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { checkScenarioFile } from '../src/lib/library/check';
import { CHECK_BUDGET } from '../src/lib/scenario/analyse';
import { hostileCases } from '../tests/fixtures/hostile';

export interface CheckDoc {
	name: string;
	file: string;
	bytes: Uint8Array;
}

/** `facts` optional facts in one beat, as in the hostile corpus's "optional-facts" document. */
function optionalFacts(facts: number): Uint8Array {
	const base = hostileCases().find((c) => c.file === 'optional-facts.json')!;
	const doc = JSON.parse(new TextDecoder().decode(base.bytes));
	const actions = doc.beats[0].actions;
	const keep = actions.filter((a: { id: string }) => !/^note-(\d+)$/.exec(a.id) || Number(a.id.slice(5)) < facts);
	doc.beats[0].actions = keep;
	const wrap = keep.find((a: { id: string }) => a.id === 'wrap-up');
	wrap.when.any = wrap.when.any.slice(0, facts);
	doc.id = `optional-facts-${facts}`;
	return new TextEncoder().encode(JSON.stringify(doc));
}

export function checkDocs(): CheckDoc[] {
	const largest = 'fake-refund-screen-share.json';
	return [
		{ name: `largest built-in (${largest})`, file: largest, bytes: readFileSync(`scenarios/${largest}`) },
		{ name: '15 optional facts (the largest of its family that fits)', file: 'optional-facts-15.json', bytes: optionalFacts(15) },
		{ name: '20 optional facts (over the budget)', file: 'optional-facts.json', bytes: optionalFacts(20) }
	];
}

export interface CheckFigure {
	name: string;
	ms: number;
	states: number | null;
	refused: boolean;
	heapMiB?: number;
	longestTaskMs?: number;
}

/** In Node, as `npm run scenarios:check` runs it (repository rules off: only the check's cost). */
export function benchCheckNode(): CheckFigure[] {
	return checkDocs().map((d) => {
		const gc = (globalThis as { gc?: () => void }).gc;
		gc?.();
		const heap = process.memoryUsage().heapUsed;
		let peak = heap;
		const started = performance.now();
		const report = checkScenarioFile(d.file, d.bytes, false, {
			...CHECK_BUDGET,
			onProgress: () => (peak = Math.max(peak, process.memoryUsage().heapUsed))
		});
		const ms = performance.now() - started;
		const refused = report.problems.some((p) => p.includes('too complex to check'));
		return {
			name: d.name,
			ms,
			states: report.summary ? report.summary.explored : refused ? CHECK_BUDGET.maxStates : null,
			refused,
			heapMiB: (peak - heap) / 1024 / 1024
		};
	});
}

/**
 * In the browser: the trainer's import on an unlocked trainer page, file chosen → report shown,
 * with the longest main-thread task meanwhile (the check runs in a worker: the page stays free).
 */
export async function benchCheckBrowser(page: Page): Promise<CheckFigure[]> {
	const out: CheckFigure[] = [];
	for (const d of checkDocs()) {
		await page.evaluate(() => {
			const w = window as unknown as { __longest: number };
			w.__longest = 0;
			new PerformanceObserver((list) => {
				for (const e of list.getEntries()) w.__longest = Math.max(w.__longest, e.duration);
			}).observe({ type: 'longtask' });
		});
		const started = Date.now();
		await page.getByLabel(/Choose scenario files|选择场景文件/).setInputFiles({
			name: d.file,
			mimeType: 'application/json',
			buffer: Buffer.from(d.bytes)
		});
		// The row shows at once, "waiting"/"checking" (data-pending); the report is the row settled.
		const report = page.locator(`[data-scenario-report="${d.file}"]:not([data-pending])`);
		await report.waitFor({ timeout: 600_000 });
		const ms = Date.now() - started;
		const text = (await report.textContent()) ?? '';
		const refused = text.includes('too complex to check');
		out.push({
			name: d.name,
			ms,
			states: refused ? CHECK_BUDGET.maxStates : null,
			refused,
			longestTaskMs: await page.evaluate(() => (window as unknown as { __longest: number }).__longest)
		});
	}
	return out;
}
