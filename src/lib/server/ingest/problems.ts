/** One reason a file cannot be imported, located by line (CSV, XML) and pupil where known. */
export interface Problem {
	line?: number;
	pupil?: string;
	reason: string;
}

const SHOWN = 30;

/** A file rejected whole: nothing from it reaches the warehouse. */
export class ImportRejected extends Error {
	constructor(
		readonly file: string,
		readonly problems: Problem[],
		readonly totalProblems = problems.length
	) {
		super(formatProblems(file, problems, totalProblems));
		this.name = 'ImportRejected';
	}
}

export function formatProblem(file: string, p: Problem): string {
	const where = [p.line !== undefined ? `line ${p.line}` : '', p.pupil ? `pupil ${p.pupil}` : '']
		.filter(Boolean)
		.join(', ');
	return `${file}${where ? `, ${where}` : ''}: ${p.reason}`;
}

function formatProblems(file: string, problems: Problem[], total: number): string {
	const lines = problems.slice(0, SHOWN).map((p) => `  ${formatProblem(file, p)}`);
	if (total > Math.min(problems.length, SHOWN)) lines.push(`  … and ${total - Math.min(problems.length, SHOWN)} more`);
	const head = `${file} was rejected (${total} problem${total === 1 ? '' : 's'}); nothing from it was imported.`;
	return [head, ...lines].join('\n');
}

/** Rejects the file with a single problem. */
export function reject(file: string, reason: string, line?: number, pupil?: string): never {
	throw new ImportRejected(file, [{ line, pupil, reason }]);
}
