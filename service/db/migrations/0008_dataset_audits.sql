-- Dataset audits (POST /datasets/audit): the audit document only, never the uploaded data.
-- The headline numbers sit in columns so /assess can read them without parsing the document.
CREATE TABLE IF NOT EXISTS dataset_audits (
    id              text        PRIMARY KEY,
    created_at      timestamptz NOT NULL,
    examples        bigint      NOT NULL,
    usable_examples bigint      NOT NULL,
    data_quality    text        NOT NULL,
    document        jsonb       NOT NULL,
    source          text        NOT NULL DEFAULT 'api',
    created_by      text
);
CREATE INDEX IF NOT EXISTS dataset_audits_created ON dataset_audits (created_at DESC, id DESC);
