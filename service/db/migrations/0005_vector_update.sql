-- pgvector 0.8 adds iterative index scans, which the service turns on for every connection
-- (service/db/database.py). A database created under pgvector 0.6 (the former embedded
-- `pgserver` package) keeps the 0.6 SQL objects until the extension is updated, even once the
-- server runs the 0.8 library; update it here. Updating needs the extension's owner, so a role
-- that is not the owner only gets a notice, and the version check below decides.
DO $$
DECLARE
    installed text := (SELECT extversion FROM pg_extension WHERE extname = 'vector');
    available text := (SELECT default_version FROM pg_available_extensions WHERE name = 'vector');
BEGIN
    IF installed IS DISTINCT FROM available THEN
        BEGIN
            ALTER EXTENSION vector UPDATE;
        EXCEPTION WHEN insufficient_privilege THEN
            RAISE NOTICE 'pgvector % is installed and % available; only its owner can update it',
                installed, available;
        END;
    END IF;
    installed := (SELECT extversion FROM pg_extension WHERE extname = 'vector');
    IF (regexp_match(installed, '^(\d+)\.(\d+)'))[1:2]::int[] < ARRAY[0, 8] THEN
        RAISE EXCEPTION 'pgvector 0.8 or newer is needed for filtered vector search; found %',
            installed
            USING HINT = 'install pgvector >= 0.8 on the PostgreSQL server, then run '
                         '"ALTER EXTENSION vector UPDATE" as the extension''s owner';
    END IF;
END
$$;
