import { sveltekit } from '@sveltejs/kit/vite';
import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, relative } from 'node:path';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
import svelteConfig from './svelte.config.js';

/**
 * Writes which source modules went into each client chunk (`<kit outDir>/chunk-modules.json`), so
 * `npm run size` can prove that no d3 or trainer code is in a trainee page's initial load, and name
 * the largest modules of a page that is over budget.
 */
function chunkModules(): Plugin {
	let client = false;
	let root = process.cwd();
	return {
		name: 'fraud-drill:chunk-modules',
		apply: 'build',
		configResolved(config) {
			client = !config.build.ssr;
			root = config.root;
		},
		writeBundle(_options, bundle) {
			if (!client) return;
			const chunks: Record<
				string,
				{ imports: string[]; dynamicImports: string[]; modules: string[]; moduleBytes: Record<string, number> }
			> = {};
			const name = (id: string) => (id.startsWith(root) ? relative(root, id) : id);
			for (const chunk of Object.values(bundle)) {
				if (chunk.type !== 'chunk') continue;
				chunks[chunk.fileName] = {
					imports: chunk.imports,
					dynamicImports: chunk.dynamicImports,
					modules: chunk.moduleIds.map(name),
					// What each module adds to the chunk before minification: where to look when a page grows.
					moduleBytes: Object.fromEntries(Object.entries(chunk.modules).map(([id, m]) => [name(id), m.renderedLength]))
				};
			}
			const outDir = svelteConfig.kit?.outDir ?? '.svelte-kit';
			mkdirSync(outDir, { recursive: true });
			writeFileSync(join(outDir, 'chunk-modules.json'), JSON.stringify(chunks, null, '\t'));
		}
	};
}

export default defineConfig({
	plugins: [sveltekit(), chunkModules()],
	server: { port: 5173 },
	preview: { port: 4173, strictPort: true },
	// The scenario check's worker shares modules with the page: ES module workers can split chunks.
	worker: { format: 'es' },
	test: {
		include: ['src/**/*.test.ts', 'tests/unit/**/*.test.ts'],
		environment: 'node',
		expect: { requireAssertions: true },
		// Whole-scenario tests explore every reachable state; on a loaded 2-core machine that takes seconds.
		testTimeout: 120_000,
		// Vitest leaves one core to itself by default: one worker on a 2-core machine, where the
		// scenario shards then run one after another. The main process mostly waits.
		maxWorkers: Math.max(2, availableParallelism() - 1)
	}
});
