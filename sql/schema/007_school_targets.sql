-- Attendance targets that governors set on the Overview page, as a percentage of possible sessions
-- attended (96 = 96%). One row per change: the latest row of a school (by set_at) is its target, earlier
-- rows are its history. school_urn NULL: the trust's target, which also stands for any school without
-- one of its own. With no row at all the Overview uses 96%.
CREATE TABLE school_targets (
	school_urn INTEGER, -- NULL: the trust as a whole
	attendance_target_percent DOUBLE NOT NULL CHECK (attendance_target_percent > 0 AND attendance_target_percent <= 100),
	set_at TIMESTAMP NOT NULL
);
