-- Keyword ranking that knows which words are common: per-collection term statistics (refreshed
-- at ingest) give each query word an inverse document frequency, so "fine" and "model", which
-- appear in most chunks, stop outvoting the rare words that pick the right passage.
CREATE TABLE IF NOT EXISTS term_stats (
    collection text    NOT NULL,
    term       text    NOT NULL,
    ndoc       integer NOT NULL,
    PRIMARY KEY (collection, term)
);

CREATE TABLE IF NOT EXISTS collection_stats (
    collection   text             PRIMARY KEY,
    chunks       integer          NOT NULL,
    avg_length   double precision NOT NULL,
    refreshed_at timestamptz      NOT NULL DEFAULT now()
);

-- Hyphenated compounds are also indexed joined up ("fine-tuning" as "finetuning"), so either
-- spelling in a question finds them. Dropping the column drops its GIN index; both come back.
ALTER TABLE chunks DROP COLUMN IF EXISTS tsv;
ALTER TABLE chunks ADD COLUMN tsv tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('english', section), 'A')
    || setweight(to_tsvector('english', text), 'B')
    || setweight(to_tsvector('english',
           replace(regexp_replace(section, '(\w+(-\w+)+)|.', '\1 ', 'g'), '-', '')), 'A')
    || setweight(to_tsvector('english',
           replace(regexp_replace(text, '(\w+(-\w+)+)|.', '\1 ', 'g'), '-', '')), 'B')
) STORED;
CREATE INDEX IF NOT EXISTS chunks_tsv_gin ON chunks USING gin (tsv);

-- Collections indexed before this migration get their statistics now.
DELETE FROM term_stats;
DELETE FROM collection_stats;
INSERT INTO term_stats (collection, term, ndoc)
SELECT c.collection, s.word, s.ndoc
FROM (SELECT DISTINCT collection FROM chunks) c
CROSS JOIN LATERAL ts_stat(format('SELECT tsv FROM chunks WHERE collection = %L', c.collection)) s;
INSERT INTO collection_stats (collection, chunks, avg_length)
SELECT collection, count(*), avg(length(tsv)) FROM chunks GROUP BY collection;
