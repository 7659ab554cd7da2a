import { readdirSync, readFileSync } from 'node:fs';
import { parseScenario } from '$lib/scenario/validate';
import mini from '../fixtures/mini.json';

/** Every shipped scenario, plus the small fixture. */
export function allScenarios() {
	const files = readdirSync('scenarios').filter((f) => f.endsWith('.json'));
	return [
		{ file: 'fixtures/mini.json', scenario: parseScenario(mini) },
		...files.map((file) => ({ file, scenario: parseScenario(JSON.parse(readFileSync(`scenarios/${file}`, 'utf8')), file) }))
	];
}
