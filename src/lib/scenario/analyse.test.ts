import { describe, expect, it } from 'vitest';
import { analyseScenario, BudgetExceeded, timeoutLoops } from './analyse';
import { formatProblem } from './validate';
import { miniScenario } from '../../../tests/unit/fixtures';

const problemsOf = (edit: Parameters<typeof miniScenario>[0]) =>
	analyseScenario(miniScenario(edit)).problems.map(formatProblem);

describe('analyseScenario', () => {
	it('finds the best, worst and naive paths of a sound scenario', () => {
		const a = analyseScenario(miniScenario());
		expect(a.problems).toEqual([]);
		expect(a.best.choices).toEqual([
			{ beat: 'counter', action: 'ask-purpose' },
			{ beat: 'counter', action: 'call-110' }
		]);
		expect(a.best.ending).toBe('stopped');
		expect(a.worst.ending).toBe('lost');
		expect(a.naive.choices.map((c) => c.action)).toEqual(['process']);
		expect(a.maxPoints).toEqual({ detect: 2, verify: 2, intervene: 3, communicate: 0, comply: 0, timeliness: 2 });
		expect(a.shortest.stopped).toHaveLength(2);
	});

	it('reports a beat nothing leads to', () => {
		expect(
			problemsOf((d) => {
				const orphan = structuredClone(d.beats[0]);
				orphan.id = 'orphan';
				orphan.items = [];
				orphan.actions.forEach((a: { reply: unknown[] }) => (a.reply = []));
				d.beats.push(orphan);
			})
		).toContain('beat "orphan": can never be reached');
	});

	it('reports an ending nothing leads to', () => {
		expect(
			problemsOf((d) => d.endings.push({ ...structuredClone(d.endings[0]), id: 'complaint', outcome: 'complaint' }))
		).toContain('ending "complaint": can never be reached');
	});

	it('reports an action whose condition never holds', () => {
		expect(
			problemsOf((d) => {
				d.beats[0].actions[1].when = { all: ['asked'], none: ['asked'] };
			})
		).toContain('beat "counter", action "call-110": can never be chosen: its condition never holds when the beat is reached');
	});

	it('reports a dead end', () => {
		const problems = problemsOf((d) => {
			d.beats[0].actions = d.beats[0].actions.filter((a: { id: string }) => a.id === 'ask-purpose');
			d.timers = [];
			d.milestones = [];
		});
		expect(problems).toContain(
			'beat "counter": is a dead end: once its actions are used up or blocked, nothing moves the story on'
		);
	});

	it('checks timers at both ends of their range', () => {
		const problems = problemsOf((d) => {
			// With the latest time, the customer has already left before the second timer can show its item.
			d.timers.push({
				id: 'late-sms',
				at: { min: 100, max: 900 },
				label: { zh: '短信', en: 'SMS' },
				items: [{ id: 'sms', channel: 'sms', kind: 'message', text: { zh: '短信', en: 'SMS' } }]
			});
			d.clues.push({
				id: 'sms-clue',
				kind: 'red-flag',
				items: ['sms'],
				label: { zh: '短信', en: 'SMS' },
				explanation: { zh: '短信', en: 'SMS' }
			});
		});
		expect(problems).toEqual([
			'clue "sms-clue": none of its items is ever shown to the trainee (with the latest timer times)',
			'timer "late-sms": never does anything (with the latest timer times): on every path the story ends before it falls due or its condition does not hold when it does'
		]);
	});

	it('reports a timer whose condition never holds when it falls due', () => {
		const problems = problemsOf((d) => {
			d.timers[0].when = { all: ['asked'], none: ['asked'] };
		});
		expect(problems).toContain(
			'timer "leaves": never does anything: on every path the story ends before it falls due or its condition does not hold when it does'
		);
	});
});

describe('paths over merged states', () => {
	it('add up the points each edge earns, whatever history the merged state was first reached by', () => {
		// Two routes into the same beat; the one found first earns nothing, the best one earns points.
		const scenario = miniScenario((d) => {
			d.beats[0].actions.unshift({
				id: 'chat',
				label: { zh: '闲聊', en: 'Small talk' },
				seconds: 60,
				verdict: 'poor',
				feedback: { zh: '无用', en: 'Useless' },
				next: 'aside'
			});
			d.beats[0].actions.push({
				id: 'aside-good',
				label: { zh: '请到一旁', en: 'Take her aside' },
				seconds: 60,
				verdict: 'good',
				feedback: { zh: '好', en: 'Good' },
				next: 'aside',
				effects: { points: { communicate: 3 } }
			});
			d.beats.push({
				id: 'aside',
				title: { zh: '一旁', en: 'Aside' },
				focus: 'counter',
				prompt: { zh: '然后？', en: 'Then?' },
				actions: [
					{
						id: 'stop',
						label: { zh: '报警', en: 'Call 110' },
						verdict: 'good',
						feedback: { zh: '好', en: 'Good' },
						next: 'stopped',
						effects: { points: { intervene: 3 } }
					}
				]
			});
			d.timers = [];
			d.milestones = [];
		});
		const a = analyseScenario(scenario);
		expect(a.problems).toEqual([]);
		expect(a.best.choices.map((c) => c.action)).toEqual(['ask-purpose', 'aside-good', 'stop']);
		expect(a.best.points.communicate).toBe(3);
		expect(a.best.points.intervene).toBe(3);
	});
});

describe('the bounded check', () => {
	it('refuses timeouts that lead round in a loop without a condition, by place', () => {
		const loop = miniScenario((d) => {
			d.beats[0].actions[0].next = 'a';
			const beat = (id: string, next: string) => ({
				...structuredClone(d.beats[0]),
				id,
				items: [],
				actions: [{ ...structuredClone(d.beats[0].actions[2]), reply: [] }],
				timeout: { after: 30, next }
			});
			d.beats.push(beat('a', 'b'), beat('b', 'a'));
		});
		expect(timeoutLoops(loop, true)).toEqual([['a', 'b', 'a']]);
		expect(() => analyseScenario(loop)).toThrow(BudgetExceeded);
		try {
			analyseScenario(loop);
		} catch (e) {
			expect((e as BudgetExceeded).problems.map(formatProblem)).toEqual([
				'beat "a": the timeouts of "a" → "b" → "a" lead round in a loop without a condition, so the story would go round for ever while the trainee waits: send one of them to an ending or another beat, or give it a condition'
			]);
		}
	});

	it('stops at its budget of states and says what multiplies them', () => {
		const wide = miniScenario((d) => {
			const facts = Array.from({ length: 12 }, (_, i) => `f${i}`);
			d.beats[0].actions.push(
				...facts.map((f, i) => ({
					id: `note-${i}`,
					label: { zh: `记${i}`, en: `Note ${i}` },
					seconds: i + 1,
					verdict: 'acceptable',
					feedback: { zh: '可', en: 'Fine' },
					effects: { set: [f] }
				})),
				{ id: 'wrap', label: { zh: '报警', en: 'Call' }, when: { any: facts }, next: 'stopped', verdict: 'good', feedback: { zh: '好', en: 'Good' } }
			);
		});
		const progress: number[] = [];
		let error: unknown;
		try {
			analyseScenario(wide, { maxStates: 3000, maxMillis: 60_000, onProgress: (n) => progress.push(n) });
		} catch (e) {
			error = e;
		}
		expect(error).toBeInstanceOf(BudgetExceeded);
		const [problem] = (error as BudgetExceeded).problems;
		expect(problem!.message).toMatch(/^too complex to check: the check stopped at 3,000 states \(the check's budget\)/);
		expect(problem!.message).toMatch(/1[23] facts read by conditions are set on some paths and not on others/);
		expect(problem!.message).toMatch(/options of beat "counter" keep the story in that beat/);
		expect(progress.length).toBeGreaterThan(0);
		// With room enough, the same document passes.
		expect(analyseScenario(miniScenario(), { maxStates: 3000, maxMillis: 60_000 }).problems).toEqual([]);
	});
});
