import { cols } from '../columns';
import { defineDataset, type Column } from '../define';
import { param } from '../params';

const share = (label: string): Column => ({ type: 'number', format: 'percent', label });
const smd = (label: string): Column => ({ type: 'number', format: 'decimal', label, unit: 'standardised mean difference' });

/** The school days either side of an intervention's start that the estimate compares (10–100; 30). */
export const WINDOW = param.integer({
	default: 30,
	min: 10,
	max: 100,
	description: 'school days either side of the start',
	message: 'the window must be a whole number of school days from 10 to 100'
});

/**
 * The Impact view: worked out in TypeScript from the warehouse's windows (src/lib/server/impact: matching,
 * regression, bootstrap), kept until the next commit. Aggregates only: each row is a type or a week.
 * Types with fewer than 10 treated pupils are counts only already; governors' copies are suppressed on top.
 */
export const IMPACT = {
	types: defineDataset({
		title: 'Per intervention type: absence before and after, against matched comparison pupils',
		source: { computed: 'impact/types' },
		params: { window: WINDOW },
		columns: {
			...cols('type', 'pupils'),
			naive_before: share('Absence before'),
			naive_after: share('Absence after'),
			naive_relative: share('Change (before and after)'),
			adjusted_relative: share('Change against comparison'),
			ci_low: share('95% interval from'),
			ci_high: share('95% interval to'),
			comparison_pupils: { type: 'integer', format: 'count', label: 'Comparison pupils' },
			matched_relative: share('Change against matches only'),
			excluded_pupils: { type: 'integer', format: 'count', label: 'Pupils left out' },
			smd_before_recent: smd('Recent absence: difference before matching'),
			smd_after_recent: smd('Recent absence: difference after matching'),
			smd_before_pre: smd('Window absence: difference before matching'),
			smd_after_pre: smd('Window absence: difference after matching'),
			smd_before_term: smd('Term absence: difference before matching'),
			smd_after_term: smd('Term absence: difference after matching'),
			smd_before_year: smd('Last year’s absence: difference before matching'),
			smd_after_year: smd('Last year’s absence: difference after matching'),
			match_quality: { type: 'text', format: 'text', label: 'Match quality' },
			note: { type: 'text', format: 'text', label: 'Note' }
		},
		suppress: {
			pupils: 'pupils',
			cells: ['pupils', 'excluded_pupils', 'naive_before', 'naive_after', 'naive_relative', 'adjusted_relative', 'ci_low', 'ci_high', 'matched_relative',
				'smd_before_recent', 'smd_after_recent', 'smd_before_pre', 'smd_after_pre', 'smd_before_term', 'smd_after_term',
				'smd_before_year', 'smd_after_year'],
			counts: [{ pupils: 'comparison_pupils', cells: ['comparison_pupils'] }]
		}
	}),
	weeks: defineDataset({
		title: 'The event study: treated and comparison mean absence by school week around the start',
		source: { computed: 'impact/weeks' },
		params: { window: WINDOW, type: param.text({ max: 80 }) },
		columns: {
			...cols('type'),
			week: { type: 'integer', format: 'integer', label: 'Week from the start' },
			group: { type: 'text', format: 'text', label: 'Group' },
			mean: share('Mean absence'),
			low: share('95% band from'),
			high: share('95% band to'),
			...cols('pupils')
		},
		suppress: { pupils: 'pupils', cells: ['pupils', 'mean', 'low', 'high'] }
	})
};
