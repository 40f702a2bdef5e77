-- Trigram indexes for the portfolio search (title or description ILIKE '%text%', issue 13).
-- pg_trgm ships with PostgreSQL (contrib, trusted since 13: the database owner may create it);
-- PGlite loads it from @electric-sql/pglite/contrib/pg_trgm (lib/db/pglite-options.mjs).
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- CreateIndex
CREATE INDEX "Assessment_title_trgm_idx" ON "Assessment" USING GIN ("title" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Assessment_description_trgm_idx" ON "Assessment" USING GIN ("description" gin_trgm_ops);
