import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
export default {
	preprocess: vitePreprocess(),
	kit: {
		adapter: adapter(),
		// Every page's Content-Security-Policy: nothing from another site, ever. SvelteKit adds a nonce for its
		// own inline start-up script ('auto'); styles may be inline (Plot and Svelte set style attributes and
		// Plot a <style> in each chart); images may be blob: and data: URLs (a chart saved as PNG is drawn
		// from a blob). The other security headers are added in src/hooks.server.ts.
		csp: {
			mode: 'auto',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				'style-src': ['self', 'unsafe-inline'],
				'img-src': ['self', 'data:', 'blob:'],
				'font-src': ['self'],
				'connect-src': ['self'],
				'object-src': ['none'],
				'frame-src': ['none'],
				'worker-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['self'],
				'frame-ancestors': ['none']
			}
		}
	}
};
