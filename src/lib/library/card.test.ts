import { describe, expect, it } from 'vitest';
import { cardVariables, parseScenario } from '../scenario/validate';
import { checkScenario } from './check';
import mini from '../../../tests/fixtures/mini.json';

const withCardVariable = () => {
	const doc = structuredClone(mini);
	doc.meta.summary.en = 'A customer wants to transfer {amount}.';
	return doc;
};
const SAID =
	'"meta.summary": the English text uses {amount}, but the library card shows it before an attempt has drawn its value; write it without variables';

describe('a variable on the library card', () => {
	it('is found in the title, summary or situation, in either language', () => {
		expect(cardVariables(parseScenario(mini))).toEqual([]);
		expect(cardVariables(parseScenario(withCardVariable())).map((p) => p.message)).toEqual([SAID]);
	});

	it("is a problem for a scenario shipped in scenarios/, a warning on a trainer's import (stored documents keep working)", () => {
		expect(checkScenario('mini.json', withCardVariable(), true).problems).toContain(`mini.json: ${SAID}`);
		const imported = checkScenario('mini.json', withCardVariable(), false);
		expect(imported.problems).toEqual([]);
		expect(imported.warnings).toContain(`mini.json: ${SAID}`);
	});
});
