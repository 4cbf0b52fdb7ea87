-- Impact episodes (after impact/prepare): one row per pupil's first intervention of a type in the range.
SELECT type, school_urn, pupil_id, start_date, s_day FROM impact_episodes WHERE s_day IS NOT NULL ORDER BY type, school_urn, s_day, pupil_id;
