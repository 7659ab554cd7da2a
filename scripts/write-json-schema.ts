/** Writes static/scenario.schema.json from the zod schema (a unit test checks it is up to date). */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { scenarioJsonSchema } from '../src/lib/scenario/schema';

const file = resolve(import.meta.dirname, '..', 'static', 'scenario.schema.json');
writeFileSync(file, JSON.stringify(scenarioJsonSchema(), null, '\t') + '\n');
console.log(`wrote ${file}`);
