-- Trigram indexes (pg_trgm) make diacritics-insensitive name search fast: names are stored with a normalised
-- search column ("nguyen van an") that a GIN trigram index serves. pg_trgm is a trusted extension (PostgreSQL 13+),
-- so the database owner may create it; PGlite loads it as a bundled extension.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
