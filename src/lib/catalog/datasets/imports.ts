import { cols } from '../columns';
import { defineDataset } from '../define';

/** The Imports view. */
export const IMPORTS = {
	history: defineDataset({
		title: 'Every import, newest first',
		source: { sql: 'datasets/imports/history' },
		params: {},
		columns: {
			...cols('import_id', 'file_name'),
			kind: { type: 'text', format: 'text', label: 'Kind' },
			...cols('school_urn', 'school_name'),
			rows_read: { type: 'integer', format: 'count', label: 'Rows read' },
			added: { type: 'integer', format: 'count', label: 'Added' },
			amended: { type: 'integer', format: 'count', label: 'Amended' },
			unchanged: { type: 'integer', format: 'count', label: 'Unchanged' },
			...cols('status'),
			message: { type: 'text', format: 'text', label: 'Message' },
			started_at: { type: 'timestamp', format: 'timestamp', label: 'Started at' },
			finished_at: { type: 'timestamp', format: 'timestamp', label: 'Finished at' },
			seconds: { type: 'number', format: 'decimal', label: 'Seconds', unit: 'seconds' }
		},
		// about files and imports, not pupils
		suppress: 'none'
	})
};
