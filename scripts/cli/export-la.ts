import type { CliValues } from './common';

// Placeholder until this command is built.
export async function mainExportLa(_positionals: string[], _values: CliValues): Promise<number> {
	console.error('not built yet');
	return 2;
}
