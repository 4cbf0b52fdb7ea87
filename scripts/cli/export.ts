// `export la|parents|parquet`: each kind lives in its own module.
import type { CliValues } from './common';

export async function mainExport(positionals: string[], values: CliValues): Promise<number> {
	const [kind, ...rest] = positionals;
	switch (kind) {
		case 'la':
			return (await import('./export-la')).mainExportLa(rest, values);
		case 'parents':
			return (await import('./export-parents')).mainExportParents(rest, values);
		case 'parquet':
			return (await import('./export-parquet')).mainExportParquet(rest, values);
		default:
			console.error(`export needs a kind: la, parents or parquet (not '${kind ?? ''}')`);
			return 2;
	}
}
