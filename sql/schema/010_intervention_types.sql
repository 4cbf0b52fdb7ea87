-- The intervention log's own tables: the list of intervention types the trust edits, the history of every
-- change to an intervention, and who recorded an intervention on a pupil's page.
--
-- intervention_types: one list for the whole trust (every school picks from it). position orders it;
-- a retired type is no longer offered for new interventions but keeps its name on the old ones. An
-- imported file's type not on the list (by name, ignoring case, or by a former name) is added as written.
CREATE TABLE intervention_types (
	type_id INTEGER PRIMARY KEY,
	name VARCHAR NOT NULL UNIQUE,
	position INTEGER NOT NULL,
	retired_at TIMESTAMP,
	added_at TIMESTAMP NOT NULL,
	-- who or what added it: a user's name, 'list' (the starting list) or 'import #N'
	added_by VARCHAR
);

CREATE SEQUENCE intervention_type_id_seq START 1;

-- Names a type had before it was renamed: an imported file that still uses one maps onto the type.
CREATE TABLE intervention_type_names (
	type_id INTEGER NOT NULL,
	name VARCHAR NOT NULL,
	renamed_at TIMESTAMP NOT NULL,
	renamed_by VARCHAR
);

INSERT INTO intervention_types (type_id, name, position, added_at, added_by)
SELECT nextval('intervention_type_id_seq'), name, position, current_timestamp, 'list'
FROM (VALUES
	('Letter 1', 1),
	('Letter 2', 2),
	('Letter 3', 3),
	('Attendance meeting', 4),
	('Attendance contract', 5),
	('Parenting contract', 6),
	('Family support / early help', 7),
	('Notice to improve', 8),
	('Penalty notice', 9),
	('Education supervision order', 10),
	('Referral', 11)
) AS t(name, position)
ORDER BY position;

-- Every change to an intervention after it was first recorded or imported: the row as it was before the
-- change (previous_*), what changed it (a user on a page, an import, a renamed type) and when. With the
-- current row in interventions this is the whole life of each intervention.
CREATE TABLE intervention_history (
	intervention_id INTEGER NOT NULL,
	changed_at TIMESTAMP NOT NULL,
	-- 'end date set', 'review date set', 'amended by import', 'type renamed', …
	change VARCHAR NOT NULL,
	changed_by VARCHAR,
	-- the import that made the change (NULL for a change on a page)
	import_id INTEGER,
	previous_type VARCHAR NOT NULL,
	previous_end_date DATE,
	previous_review_date DATE,
	previous_target VARCHAR,
	previous_notes VARCHAR,
	previous_staff VARCHAR,
	previous_school_urn INTEGER,
	previous_import_id INTEGER
);

-- Interventions already in the log whose type is on the list but spelt otherwise (ignoring case) take
-- the list's spelling, each change kept in intervention_history.
INSERT INTO intervention_history (intervention_id, changed_at, change, changed_by, import_id, previous_type, previous_end_date,
	previous_review_date, previous_target, previous_notes, previous_staff, previous_school_urn, previous_import_id)
SELECT i.intervention_id, current_timestamp, 'type spelt as the list', NULL, NULL, i.type, i.end_date, i.review_date, i.target, i.notes,
	i.staff, i.school_urn, i.import_id
FROM interventions i JOIN intervention_types t ON lower(t.name) = lower(i.type) AND t.name <> i.type;

UPDATE interventions SET type = t.name
FROM intervention_types t
WHERE lower(t.name) = lower(interventions.type) AND t.name <> interventions.type;

-- Types already in the log (imported before this list existed) join the list as first written; other
-- spellings of one (ignoring case) take that spelling, kept in intervention_history.
CREATE TEMP TABLE log_types AS
SELECT lower(type) AS key, arg_min(type, (start_date, intervention_id)) AS name, min(start_date) AS first_start
FROM interventions
WHERE lower(type) NOT IN (SELECT lower(name) FROM intervention_types)
GROUP BY lower(type);

INSERT INTO intervention_types (type_id, name, position, added_at, added_by)
SELECT nextval('intervention_type_id_seq'), name, 11 + row_number() OVER (ORDER BY first_start, name), current_timestamp, 'log'
FROM log_types;

INSERT INTO intervention_history (intervention_id, changed_at, change, changed_by, import_id, previous_type, previous_end_date,
	previous_review_date, previous_target, previous_notes, previous_staff, previous_school_urn, previous_import_id)
SELECT i.intervention_id, current_timestamp, 'type spelt as the list', NULL, NULL, i.type, i.end_date, i.review_date, i.target, i.notes,
	i.staff, i.school_urn, i.import_id
FROM interventions i JOIN log_types t ON t.key = lower(i.type) AND t.name <> i.type;

UPDATE interventions SET type = t.name
FROM log_types t
WHERE t.key = lower(interventions.type) AND t.name <> interventions.type;

DROP TABLE log_types;

-- An intervention recorded on a pupil's page: import_id NULL, recorded_by the signed-in user's name.
ALTER TABLE interventions ADD COLUMN recorded_by VARCHAR;
ALTER TABLE interventions ADD COLUMN recorded_at TIMESTAMP;

