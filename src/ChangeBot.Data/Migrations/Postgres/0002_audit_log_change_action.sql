-- Jobs that act once per change (a rollback trigger announced, a checklist posted) look up what the audit log says
-- they already did; without this every first look at a change scans the whole log.
CREATE INDEX ix_audit_log_change_action ON audit_log (change_id, action);
