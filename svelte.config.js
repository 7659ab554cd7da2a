import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		// FD_BUILD_DIR / FD_KIT_DIR let a second build (benchmarks, a parallel test run) use its own folders.
		adapter: adapter({ strict: true, pages: process.env.FD_BUILD_DIR ?? 'build', assets: process.env.FD_BUILD_DIR ?? 'build' }),
		outDir: process.env.FD_KIT_DIR ?? '.svelte-kit',
		// index.html in a folder per route: works on any static server or intranet share.
		prerender: { handleHttpError: 'fail', handleMissingId: 'fail' }
	}
};

export default config;
