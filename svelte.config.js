import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		adapter: adapter({ strict: true }),
		// index.html in a folder per route: works on any static server or intranet share.
		prerender: { handleHttpError: 'fail', handleMissingId: 'fail' }
	}
};

export default config;
