-- Schema version 5: the change log follows every column.
--
-- The logging triggers of version 2 named their columns one by one, so the
-- columns that version 3 added (cycle.council_sub_date, council_protocol)
-- were changed with no trace of what changed, and the tables it added
-- (proposal_event, change_decision, press_release) were not logged at all.
-- The triggers are now made by the program from each table's own columns
-- (audit_triggers in src/audit.c), after this and every later migration
-- step, in the same transaction: a column a later version adds is logged
-- without anyone having to remember it.  Nothing else changes, and no entry
-- of the log is touched, so its chain runs on across the upgrade.
--
-- The old triggers go first, here, so that a trigger of version 2 cannot
-- outlive this version even if the list of logged tables changes.
DROP TRIGGER IF EXISTS log_app_user_i;
DROP TRIGGER IF EXISTS log_app_user_u;
DROP TRIGGER IF EXISTS log_app_user_d;
DROP TRIGGER IF EXISTS log_body_i;
DROP TRIGGER IF EXISTS log_body_u;
DROP TRIGGER IF EXISTS log_body_d;
DROP TRIGGER IF EXISTS log_association_i;
DROP TRIGGER IF EXISTS log_association_u;
DROP TRIGGER IF EXISTS log_association_d;
DROP TRIGGER IF EXISTS log_council_i;
DROP TRIGGER IF EXISTS log_council_u;
DROP TRIGGER IF EXISTS log_council_d;
DROP TRIGGER IF EXISTS log_nrk_level_i;
DROP TRIGGER IF EXISTS log_nrk_level_u;
DROP TRIGGER IF EXISTS log_nrk_level_d;
DROP TRIGGER IF EXISTS log_holiday_rule_i;
DROP TRIGGER IF EXISTS log_holiday_rule_u;
DROP TRIGGER IF EXISTS log_holiday_rule_d;
DROP TRIGGER IF EXISTS log_calendar_day_i;
DROP TRIGGER IF EXISTS log_calendar_day_u;
DROP TRIGGER IF EXISTS log_calendar_day_d;
DROP TRIGGER IF EXISTS log_cycle_i;
DROP TRIGGER IF EXISTS log_cycle_u;
DROP TRIGGER IF EXISTS log_cycle_d;
DROP TRIGGER IF EXISTS log_reg_version_i;
DROP TRIGGER IF EXISTS log_reg_version_u;
DROP TRIGGER IF EXISTS log_reg_version_d;
DROP TRIGGER IF EXISTS log_reg_row_i;
DROP TRIGGER IF EXISTS log_reg_row_u;
DROP TRIGGER IF EXISTS log_reg_row_d;
DROP TRIGGER IF EXISTS log_proposal_i;
DROP TRIGGER IF EXISTS log_proposal_u;
DROP TRIGGER IF EXISTS log_proposal_d;
DROP TRIGGER IF EXISTS log_proposal_level_i;
DROP TRIGGER IF EXISTS log_proposal_level_u;
DROP TRIGGER IF EXISTS log_proposal_level_d;
DROP TRIGGER IF EXISTS log_remark_i;
DROP TRIGGER IF EXISTS log_remark_u;
DROP TRIGGER IF EXISTS log_remark_d;
DROP TRIGGER IF EXISTS log_council_agreement_i;
DROP TRIGGER IF EXISTS log_council_agreement_u;
DROP TRIGGER IF EXISTS log_council_agreement_d;
