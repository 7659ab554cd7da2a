import { describe, expect, it } from 'vitest';
import { advance, indexScenario, startContext, type AttemptEvent } from './compile';
import { startWith, step } from '../attempt/replay';
import { resolveSetup } from '../attempt/setup';
import { createRandom } from '../attempt/random';
import { allScenarios } from '../../../tests/unit/scenario-files';

/** Random events, valid and invalid: choices (some not on offer), ticks, marks and unmarks. */
function randomEvent(random: ReturnType<typeof createRandom>, ids: { actions: string[]; items: string[] }): AttemptEvent {
	const roll = random.next();
	if (roll < 0.55) return { type: 'trainee.choose', action: random.pick(ids.actions) };
	if (roll < 0.8) return { type: 'clock.tick', seconds: random.int(0, 150) };
	if (roll < 0.93) return { type: 'trainee.flag', item: random.pick(ids.items) };
	return { type: 'trainee.unflag', item: random.pick(ids.items) };
}

describe.each(allScenarios())('$file: the compiled machine and the pure stepper', ({ scenario }) => {
	it('agree on every step of 40 random walks', () => {
		const ix = indexScenario(scenario);
		const ids = { actions: [...new Set([...ix.actions.values()].map((a) => a.id))], items: [...ix.items.keys()] };
		for (let walk = 0; walk < 40; walk++) {
			const random = createRandom(walk + 1);
			const setup = resolveSetup(scenario, walk);
			let machine = startWith(scenario, setup);
			let pure = startContext(scenario, setup);
			expect(pure).toEqual(machine.snapshot.context);
			for (let i = 0; i < 80 && pure.ending === null; i++) {
				const event = randomEvent(random, ids);
				machine = step(scenario, machine, event);
				pure = advance(ix, pure, event);
				expect(pure, `walk ${walk}, step ${i}: ${JSON.stringify(event)}`).toEqual(machine.snapshot.context);
				expect(machine.snapshot.status === 'done').toBe(pure.ending !== null);
			}
		}
	});
});
