-- Every assessment, stored before the answer is sent; the document is exactly what /assess returned.
CREATE TABLE IF NOT EXISTS assessments (
    id             text        PRIMARY KEY,
    created_at     timestamptz NOT NULL,
    questionnaire  jsonb       NOT NULL,
    result         jsonb       NOT NULL,
    recommendation text        NOT NULL,
    model_version  text        NOT NULL,
    source         text        NOT NULL DEFAULT 'api'
);
CREATE INDEX IF NOT EXISTS assessments_created ON assessments (created_at DESC, id DESC);

-- What a team did after an assessment, and what it measured.
CREATE TABLE IF NOT EXISTS outcomes (
    id            bigserial   PRIMARY KEY,
    assessment_id text        NOT NULL REFERENCES assessments (id) ON DELETE CASCADE,
    recorded_at   timestamptz NOT NULL DEFAULT now(),
    outcome       jsonb       NOT NULL
);
CREATE INDEX IF NOT EXISTS outcomes_assessment ON outcomes (assessment_id);
