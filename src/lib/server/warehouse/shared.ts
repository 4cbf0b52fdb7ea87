import { defaultWarehousePath, Warehouse } from './index';

let opening: Promise<Warehouse> | undefined;

/** The app's warehouse, opened once per process (ATTENDANCE_DB or data/warehouse.duckdb). */
export function appWarehouse(): Promise<Warehouse> {
	opening ??= Warehouse.open(defaultWarehousePath()).catch((error) => {
		opening = undefined;
		throw error;
	});
	return opening;
}
