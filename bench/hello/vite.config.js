import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vite';

export default defineConfig({
	plugins: [sveltekit()],
	// Keep Vite's cache with the build, not in the app's node_modules.
	cacheDir: `${process.env.HELLO_OUT_DIR ?? '.'}/.vite`
});
