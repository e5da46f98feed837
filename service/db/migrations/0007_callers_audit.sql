-- Who did what: assessments created, bulk reads, outcomes recorded, retraining (issue 15).
CREATE TABLE IF NOT EXISTS audit_log (
    id      bigserial   PRIMARY KEY,
    at      timestamptz NOT NULL DEFAULT now(),
    caller  text        NOT NULL,
    action  text        NOT NULL,
    target  text,
    detail  jsonb       NOT NULL DEFAULT '{}'::jsonb
);
CREATE INDEX IF NOT EXISTS audit_log_at ON audit_log (at DESC);
CREATE INDEX IF NOT EXISTS audit_log_caller ON audit_log (caller, at DESC);

-- An assessment remembers who created it.
ALTER TABLE assessments ADD COLUMN IF NOT EXISTS created_by text;

-- One outcome per assessment, owned by the caller who recorded it: keep the latest of any
-- earlier duplicates, then enforce it.
ALTER TABLE outcomes ADD COLUMN IF NOT EXISTS caller text;
DELETE FROM outcomes o USING outcomes newer
 WHERE newer.assessment_id = o.assessment_id AND newer.id > o.id;
CREATE UNIQUE INDEX IF NOT EXISTS outcomes_one_per_assessment ON outcomes (assessment_id);
