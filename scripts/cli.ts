#!/usr/bin/env -S npx tsx
// Attendance Lens command line: import register exports, report the measures, build the demo.
import { parseArgs } from 'node:util';
import { LISTS } from '../src/lib/catalog/lists';
import { COHORT_DIMENSIONS } from '../src/lib/catalog/params';

/** The casework lists and their parameters, from the catalog: `help lists`. */
const LIST_USAGE = Object.entries(LISTS)
	.map(([name, list]) => {
		const params = Object.entries(list.params).map(([key, p]) => `      --param ${key}=${p.default ?? 'YYYY-MM-DD'}  ${p.description ?? ''}${p.min !== undefined ? ` (${p.min} to ${p.max})` : ''}`);
		return [`  ${name}: ${list.label}`, ...params].join('\n');
	})
	.join('\n');

const USAGE = `Attendance Lens

  import FILE... [--db PATH] [--school URN]
      Load register exports (long or wide CSV, CTF XML), pupils, interventions, term dates or schools.
  report pupils|summary|weekday|codes [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--school URN]
         [--year-group 'Year 7'] [--cohort DIMENSION:VALUE] [--format csv|json] [--db PATH]
      Report a measure; the default range is the latest academic year (1 Sep – 31 Aug) in the warehouse.
      A cohort is one of ${COHORT_DIMENSIONS.join(', ')} with its value,
      e.g. --cohort 'fsm:FSM eligible' or --cohort 'sen:EHC plan'.
  report ${Object.keys(LISTS).join('|')}
         [--on YYYY-MM-DD] [--school URN] [--since YYYY-MM-DD] [--param NAME=VALUE]... [--format csv|json] [--db PATH]
      A casework list as of --on (default the latest marked day), from the marks dated up to it.
      --param sets a list's own parameter, e.g. --param band_high=0.96 or --param days=3 (help lists: each list's).
  list-settings LIST [NAME=VALUE...] [--school URN] [--db PATH]
      Show a casework list's settings for a school (or the trust), or save them as its defaults,
      e.g. list-settings bands band_mid=0.96 --school 140001.
  report impact [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--school URN] [--window N] [--format csv|json] [--db PATH]
      The impact of each intervention type: naive before/after beside the comparison-group estimate.
  export la --year 2024/25 [--term autumn|spring|summer] [--school URN] [--national-cohort] --out FILE.csv|.xlsx [--db PATH]
      The local authority benchmark table, in the DfE's column names, small numbers suppressed.
  export parents --half-term YYYY-MM-DD [--school URN] --out FILE.csv [--db PATH]
      Per-pupil half-termly figures for letters and reports to parents (mail merge).
  export parquet --out DIR [--db PATH]
      The warehouse as Parquet, partitioned by academic year and LA (hive layout).
  user add NAME --role governor|slt|officer|trust|admin [--school URN]... [--pupil-access] [--db PATH]
  user list | user remove NAME | user password NAME [--db PATH]
      Manage sign-in accounts (the password is asked for, or read from ATTENDANCE_PASSWORD).
  retention [--years N] [--purge] [--db PATH]
      Count the register entries past the retention period (dry run), or purge them with --purge.
  demo [--db PATH] [--pupils N] [--schools N] [--seed N]
      Build a demo trust warehouse (replacing the file at --db).

The warehouse is data/warehouse.duckdb unless --db or ATTENDANCE_DB says otherwise.`;

const [command, ...rest] = process.argv.slice(2);
const options = {
	db: { type: 'string' },
	school: { type: 'string' },
	from: { type: 'string' },
	to: { type: 'string' },
	format: { type: 'string' },
	pupils: { type: 'string' },
	schools: { type: 'string' },
	seed: { type: 'string' },
	'year-group': { type: 'string' },
	cohort: { type: 'string' },
	on: { type: 'string' },
	since: { type: 'string' },
	param: { type: 'string', multiple: true },
	window: { type: 'string' },
	year: { type: 'string' },
	term: { type: 'string' },
	'half-term': { type: 'string' },
	'national-cohort': { type: 'boolean' },
	out: { type: 'string' },
	role: { type: 'string' },
	'pupil-access': { type: 'boolean' },
	years: { type: 'string' },
	purge: { type: 'boolean' },
	size: { type: 'string' },
	help: { type: 'boolean', short: 'h' }
} as const;

async function main(): Promise<number> {
	if (command === 'help' && rest[0] === 'lists') {
		console.log(`The casework lists and their parameters (default first):\n\n${LIST_USAGE}`);
		return 0;
	}
	if (!command || command === 'help' || command === '--help' || command === '-h') {
		console.log(USAGE);
		return command ? 0 : 2;
	}
	const { values, positionals } = parseArgs({ args: rest, options, allowPositionals: true });
	if (values.help) {
		console.log(USAGE);
		return 0;
	}
	switch (command) {
		case 'import':
			return (await import('./cli/import')).mainImport(positionals, values);
		case 'report':
			return (await import('./cli/report')).mainReport(positionals, values);
		case 'list-settings':
			return (await import('./cli/list-settings')).mainListSettings(positionals, values);
		case 'export':
			return (await import('./cli/export')).mainExport(positionals, values);
		case 'user':
			return (await import('./cli/user')).mainUser(positionals, values);
		case 'retention':
			return (await import('./cli/retention')).mainRetention(positionals, values);
		case 'demo':
			return (await import('./cli/demo')).mainDemo(values);
		default:
			console.error(`Unknown command '${command}'.\n\n${USAGE}`);
			return 2;
	}
}

main().then(
	(code) => process.exit(code),
	(error: Error) => {
		console.error(`error: ${error.message}`);
		// (ATTENDANCE_DEBUG=1: where it came from)
		if (process.env.ATTENDANCE_DEBUG === '1') console.error(error.stack);
		process.exit(1);
	}
);
