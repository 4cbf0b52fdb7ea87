import { defineConfig } from 'vitest/config';

export default defineConfig({
	test: {
		include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts'],
		pool: 'forks',
		testTimeout: 120_000,
		hookTimeout: 120_000,
		env: { TZ: 'UTC' }
	}
});
