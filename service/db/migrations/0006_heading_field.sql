-- Heading words apart from body words (issue 14). One tsvector held the heading path (weight A)
-- and the body (B), so BM25 normalised by a length that counted the headings, and a word such as
-- "fix" in six "How to fix it" sub-headings outranked the passages that discuss it. Now each
-- field has its own column: the search counts a heading match at a lower weight and normalises
-- body matches by body length. Hyphenated compounds are also indexed joined up, as before.
ALTER TABLE chunks DROP COLUMN IF EXISTS tsv;
ALTER TABLE chunks ADD COLUMN IF NOT EXISTS head_tsv tsvector GENERATED ALWAYS AS (
    -- The passage's own heading (weight A) apart from the headings above it (B), which its
    -- sibling passages share.
    setweight(to_tsvector('english', regexp_replace(section, '^.* › ', '')), 'A')
    || setweight(to_tsvector('english', replace(regexp_replace(
           regexp_replace(section, '^.* › ', ''), '(\w+(-\w+)+)|.', '\1 ', 'g'), '-', '')), 'A')
    || setweight(to_tsvector('english', coalesce(substring(section from '^(.*) › '), '')), 'B')
    || setweight(to_tsvector('english', replace(regexp_replace(
           coalesce(substring(section from '^(.*) › '), ''), '(\w+(-\w+)+)|.', '\1 ', 'g'),
           '-', '')), 'B')
) STORED;
ALTER TABLE chunks ADD COLUMN IF NOT EXISTS body_tsv tsvector GENERATED ALWAYS AS (
    to_tsvector('english', text)
    || to_tsvector('english',
           replace(regexp_replace(text, '(\w+(-\w+)+)|.', '\1 ', 'g'), '-', ''))
) STORED;
CREATE INDEX IF NOT EXISTS chunks_head_tsv_gin ON chunks USING gin (head_tsv);
CREATE INDEX IF NOT EXISTS chunks_body_tsv_gin ON chunks USING gin (body_tsv);

-- The words of each collection as written (not stemmed), with how many passages hold each: the
-- vocabulary the query-side spelling pass corrects unknown words towards. Filled at ingest.
CREATE TABLE IF NOT EXISTS collection_words (
    collection text    NOT NULL,
    word       text    NOT NULL,
    chunks     integer NOT NULL,
    PRIMARY KEY (collection, word)
);

-- Statistics for the collections indexed before this migration: document frequencies over both
-- fields, the mean body length, and the vocabulary.
DELETE FROM term_stats;
DELETE FROM collection_stats;
DELETE FROM collection_words;
INSERT INTO term_stats (collection, term, ndoc)
SELECT c.collection, s.word, s.ndoc
FROM (SELECT DISTINCT collection FROM chunks) c
CROSS JOIN LATERAL ts_stat(format(
    'SELECT head_tsv || body_tsv FROM chunks WHERE collection = %L', c.collection)) s;
INSERT INTO collection_stats (collection, chunks, avg_length)
SELECT collection, count(*), coalesce(avg(length(body_tsv)), 1.0) FROM chunks GROUP BY collection;
INSERT INTO collection_words (collection, word, chunks)
SELECT c.collection, w.word, count(DISTINCT c.id)
FROM chunks c
CROSS JOIN LATERAL (
    SELECT regexp_split_to_table(lower(c.section || ' ' || c.text), '[^a-z]+')
    UNION ALL
    SELECT replace(m[1], '-', '')
    FROM regexp_matches(lower(c.section || ' ' || c.text), '([a-z]+(-[a-z]+)+)', 'g') m
) w(word)
WHERE length(w.word) >= 3
GROUP BY c.collection, w.word;
