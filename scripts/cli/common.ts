import { resolve } from 'node:path';
import { param } from '../../src/lib/catalog/params';
import { defaultWarehousePath, Warehouse } from '../../src/lib/server/warehouse';

export interface CommonOptions {
	db?: string;
	school?: string;
}

export function warehousePath(db?: string): string {
	return db ? resolve(db) : defaultWarehousePath();
}

export function openWarehouse(db?: string): Promise<Warehouse> {
	return Warehouse.open(warehousePath(db));
}

/** --school as a URN, or null. */
export function schoolOption(value?: string): number | null {
	if (value === undefined) return null;
	return param.urn({ message: `--school must be a school URN (digits), not '${value}'` }).parse(value, '--school');
}

/** The parsed options of a command line (see the option list in scripts/cli.ts). */
export type CliValues = { [option: string]: string | boolean | string[] | undefined };
