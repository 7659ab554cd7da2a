/**
 * Everything an attempt's seed decides: the surface details (names, amounts, numbers) and the
 * timing of timers drawn from ranges. Same scenario + same seed = same attempt, always.
 */
import type { Scenario, Seconds, VariableSpec } from '../scenario/schema';
import type { MachineInput } from '../scenario/compile';
import { createRandom, type Random } from './random';
import type { Value } from '../scenario/text';
import { COMPANY_TRADES, COMPANY_WORDS, GIVEN_NAMES, SURNAMES } from './names';

export interface AttemptSetup extends MachineInput {
	values: Record<string, Value>;
}

/** Variables in the order of the document, so adding a variable at the end keeps old seeds' values. */
export function resolveSetup(scenario: Scenario, seed: number): AttemptSetup {
	const random = createRandom(seed);
	const values: Record<string, Value> = {};
	const usedNames = new Set<string>();
	for (const [name, spec] of Object.entries(scenario.variables)) values[name] = resolveVariable(spec, random, usedNames);

	const timing: Record<string, number> = {};
	const draw = (s: Seconds) => (typeof s === 'number' ? s : random.int(s.min, s.max));
	for (const t of scenario.timers) timing[`timer:${t.id}`] = draw(t.at);
	for (const b of scenario.beats) if (b.timeout) timing[`timeout:${b.id}`] = draw(b.timeout.after);

	const atRisk = scenario.moneyAtRisk ? values[scenario.moneyAtRisk] : 0;
	return { values, timing, moneyAtRisk: typeof atRisk === 'number' ? atRisk : 0 };
}

function resolveVariable(spec: VariableSpec, random: Random, usedNames: Set<string>): Value {
	switch (spec.kind) {
		case 'amount': {
			const steps = Math.floor((spec.max - spec.min) / spec.step);
			return spec.min + random.int(0, steps) * spec.step;
		}
		case 'int':
			return random.int(spec.min, spec.max);
		case 'digits': {
			const digits = spec.pattern.replace(/#/g, () => String(random.int(0, 9)));
			return { zh: digits, en: digits };
		}
		case 'pick':
			return random.pick(spec.options);
		case 'name': {
			if (spec.style === 'company') {
				const [wz, we] = random.pick(COMPANY_WORDS);
				const [tz, te] = random.pick(COMPANY_TRADES);
				return { zh: `${wz}${tz}有限公司`, en: `${we} ${te} Co., Ltd.` };
			}
			// Avoid two cast members with the same family name: it confuses the story.
			for (let tries = 0; ; tries++) {
				const [sz, se] = random.pick(SURNAMES);
				const [gz, ge] = random.pick(GIVEN_NAMES[spec.gender]);
				if (usedNames.has(sz) && tries < 20) continue;
				usedNames.add(sz);
				return { zh: `${sz}${gz}`, en: `${se} ${ge}` };
			}
		}
	}
}
