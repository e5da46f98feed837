-- Ingested files, keyed by collection and relative path; content_hash makes re-ingestion a no-op.
CREATE TABLE IF NOT EXISTS documents (
    id           bigserial PRIMARY KEY,
    collection   text        NOT NULL,
    path         text        NOT NULL,
    title        text        NOT NULL,
    content_hash text        NOT NULL,
    cites        jsonb       NOT NULL DEFAULT '[]'::jsonb,
    ingested_at  timestamptz NOT NULL DEFAULT now(),
    UNIQUE (collection, path)
);

CREATE TABLE IF NOT EXISTS chunks (
    id          bigserial PRIMARY KEY,
    document_id bigint      NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    collection  text        NOT NULL,
    ordinal     integer     NOT NULL,
    section     text        NOT NULL DEFAULT '',
    text        text        NOT NULL,
    embedding   vector(384) NOT NULL,
    tsv         tsvector GENERATED ALWAYS AS (
                    setweight(to_tsvector('english', section), 'A')
                    || setweight(to_tsvector('english', text), 'B')
                ) STORED
);

CREATE INDEX IF NOT EXISTS chunks_embedding_hnsw
    ON chunks USING hnsw (embedding vector_cosine_ops) WITH (m = 16, ef_construction = 64);
CREATE INDEX IF NOT EXISTS chunks_tsv_gin ON chunks USING gin (tsv);
CREATE INDEX IF NOT EXISTS chunks_collection ON chunks (collection);
CREATE INDEX IF NOT EXISTS chunks_document ON chunks (document_id);
