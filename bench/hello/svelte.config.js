import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

// The baseline for `npm run size` and `npm run bench`: SvelteKit's hello world, built like the app.
// HELLO_OUT_DIR puts the whole build (Kit's output and the static site) in a folder of the caller's.
const out = process.env.HELLO_OUT_DIR ?? '.';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		adapter: adapter({ pages: `${out}/build`, assets: `${out}/build`, strict: true }),
		outDir: `${out}/.svelte-kit`
	}
};

export default config;
