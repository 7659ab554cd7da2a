import { sveltekit } from '@sveltejs/kit/vite';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
import svelteConfig from './svelte.config.js';

/**
 * Writes which source modules went into each client chunk (`<kit outDir>/chunk-modules.json`), so
 * `npm run size` can prove that no d3 or trainer code is in a trainee page's initial load.
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
			const chunks: Record<string, { imports: string[]; dynamicImports: string[]; modules: string[] }> = {};
			for (const chunk of Object.values(bundle)) {
				if (chunk.type !== 'chunk') continue;
				chunks[chunk.fileName] = {
					imports: chunk.imports,
					dynamicImports: chunk.dynamicImports,
					modules: chunk.moduleIds.map((id) => (id.startsWith(root) ? relative(root, id) : id))
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
	test: {
		include: ['src/**/*.test.ts', 'tests/unit/**/*.test.ts'],
		environment: 'node',
		expect: { requireAssertions: true },
		// Whole-scenario tests explore every reachable state; on a loaded 2-core machine that takes seconds.
		testTimeout: 120_000
	}
});
