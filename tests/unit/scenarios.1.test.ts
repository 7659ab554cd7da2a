// Shipped scenarios, shard 1 of 4 (see scenario-suite.ts).
import { readdirSync } from 'node:fs';
import { expect, it } from 'vitest';
import { SHARDS, scenarioSuite, shardFiles } from './scenario-suite';

it('the shards together hold every shipped scenario, each once', () => {
	const dealt = Array.from({ length: SHARDS }, (_, i) => shardFiles(i + 1, SHARDS)).flat();
	expect(dealt.sort()).toEqual(readdirSync('scenarios').filter((f) => f.endsWith('.json')).sort());
});

scenarioSuite(1);
