/** Benchmark sizes: '200k', '1M', '10M', '100M' or a number of marks. */
export function parseSize(text: string): number {
	const m = /^(\d+(?:\.\d+)?)([kKmM]?)$/.exec(text.trim());
	if (!m) throw new Error(`--size must be a number of marks such as 200k, 10M or 100M, not '${text}'`);
	return Math.round(Number(m[1]) * (m[2].toLowerCase() === 'k' ? 1e3 : m[2].toLowerCase() === 'm' ? 1e6 : 1));
}

export function sizeLabel(marks: number): string {
	if (marks >= 1e6 && marks % 1e6 === 0) return `${marks / 1e6}M`;
	if (marks >= 1e3 && marks % 1e3 === 0) return `${marks / 1e3}k`;
	return String(marks);
}

/**
 * The demo trust that holds about `marks` marks over its three academic years: the generator gives about
 * 770 marks per pupil (1,500 pupils: 1.16M marks), and about 440 pupils a school (primary and secondary
 * alternate), so 10M marks is a trust of 30 schools and 100M a local authority of about 300.
 */
export function demoSizeFor(marks: number): { pupils: number; schools: number } {
	const pupils = Math.max(20, Math.round(marks / 757));
	return { pupils, schools: Math.max(2, Math.round(pupils / 440)) };
}
