// The app must be built (npm run build) before the browser tests: they run the production server.
import { existsSync } from 'node:fs';

export default function globalSetup() {
	if (!existsSync('build/index.js')) throw new Error('Build the app first: npm run build');
}
