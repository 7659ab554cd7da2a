import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

/** Which module may import what: the pure core stays free of the DOM, storage and UI. */
const pureCore = {
	patterns: [
		{ group: ['dexie', 'dexie/*'], message: 'The pure core never touches storage.' },
		{ group: ['svelte', 'svelte/*', '$app/*'], message: 'The pure core has no UI.' },
		{ group: ['$lib/storage', '$lib/storage/*', '**/storage/*'], message: 'The pure core never touches storage.' },
		{ group: ['d3-*'], message: 'Charts live in src/lib/charts.' }
	]
};

export default ts.config(
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	{
		languageOptions: { globals: { ...globals.browser, ...globals.node } }
	},
	{
		files: ['**/*.svelte', '**/*.svelte.ts', '**/*.svelte.js'],
		languageOptions: {
			parserOptions: { projectService: true, extraFileExtensions: ['.svelte'], parser: ts.parser, svelteConfig }
		}
	},
	{
		rules: {
			'svelte/no-at-html-tags': 'error',
			// Attempt links carry a query string; they are built with resolve() in src/lib/links.ts.
			'svelte/no-navigation-without-resolve': ['error', { ignoreGoto: true, ignoreLinks: true }],
			'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
			'no-restricted-imports': [
				'error',
				{
					paths: [{ name: 'd3', message: 'Import the d3-* modules you use, not the whole d3 package.' }],
					patterns: [{ group: ['dexie', 'dexie/*'], message: 'Only src/lib/storage imports dexie.' }]
				}
			]
		}
	},
	{
		files: ['src/lib/storage/**'],
		rules: { 'no-restricted-imports': 'off' }
	},
	{
		files: ['src/lib/scenario/**', 'src/lib/attempt/**', 'src/lib/analytics/**'],
		ignores: ['**/*.test.ts'],
		rules: { 'no-restricted-imports': ['error', pureCore] }
	},
	{
		ignores: [
			'build*/',
			'.svelte-kit*/',
			'bench/hello/.svelte-kit/',
			'bench/hello/build/',
			'node_modules/',
			'test-results/',
			'playwright-report/',
			'.scratch/',
			'bench-results/'
		]
	}
);
