-- A standard change is pre-approved once a change of its template has been approved (DESIGN.md). Filing asks this
-- table, one row per template, instead of reading every stored change's snapshot. Changes approved before this
-- migration are not backfilled: the template's next approval records it.
CREATE TABLE approved_templates (
    template    TEXT PRIMARY KEY,
    change_id   TEXT NOT NULL,
    approved_at INTEGER NOT NULL
);
