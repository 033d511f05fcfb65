"""DDL of the full-text index, per database vendor (used by migrations and throwaway indexes)."""

TABLE = "sitesearch_searchentry"
FTS_TABLE = "sitesearch_searchentry_fts"
VOCAB_TABLE = "sitesearch_searchentry_vocab"

SQLITE_CREATE = [
    # External-content FTS5 table over the token columns; triggers keep it in step with the
    # ORM's writes, so every write path (services, bulk loads, deletes) updates it.
    f"""CREATE VIRTUAL TABLE {FTS_TABLE} USING fts5(
        title_tokens, body_tokens, content='{TABLE}', content_rowid='id',
        tokenize='unicode61 remove_diacritics 0')""",
    # Per-token document counts, read for the ranking's inverse document frequency.
    f"CREATE VIRTUAL TABLE {VOCAB_TABLE} USING fts5vocab({FTS_TABLE}, 'row')",
    f"""CREATE TRIGGER {TABLE}_ai AFTER INSERT ON {TABLE} BEGIN
        INSERT INTO {FTS_TABLE}(rowid, title_tokens, body_tokens)
        VALUES (new.id, new.title_tokens, new.body_tokens);
    END""",
    f"""CREATE TRIGGER {TABLE}_ad AFTER DELETE ON {TABLE} BEGIN
        INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, title_tokens, body_tokens)
        VALUES ('delete', old.id, old.title_tokens, old.body_tokens);
    END""",
    f"""CREATE TRIGGER {TABLE}_au AFTER UPDATE ON {TABLE} BEGIN
        INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, title_tokens, body_tokens)
        VALUES ('delete', old.id, old.title_tokens, old.body_tokens);
        INSERT INTO {FTS_TABLE}(rowid, title_tokens, body_tokens)
        VALUES (new.id, new.title_tokens, new.body_tokens);
    END""",
]
SQLITE_DROP = [
    f"DROP TRIGGER IF EXISTS {TABLE}_au",
    f"DROP TRIGGER IF EXISTS {TABLE}_ad",
    f"DROP TRIGGER IF EXISTS {TABLE}_ai",
    f"DROP TABLE IF EXISTS {VOCAB_TABLE}",
    f"DROP TABLE IF EXISTS {FTS_TABLE}",
]

POSTGRESQL_CREATE = [
    # 'simple' keeps every token as written: the tokens are already folded bigrams and words.
    f"""ALTER TABLE {TABLE} ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('simple', title_tokens), 'A')
        || setweight(to_tsvector('simple', body_tokens), 'B')) STORED""",
    f"CREATE INDEX {TABLE}_vector ON {TABLE} USING gin (search_vector)",
    # Keep the vector in the row (compressed) rather than in TOAST: a phrase is re-checked
    # against it for every candidate, and a TOAST fetch per row was most of a query's time.
    # The text columns go out of line first, so the rows stay narrow.
    f"ALTER TABLE {TABLE} ALTER COLUMN search_vector SET STORAGE MAIN",
]
POSTGRESQL_DROP = [
    f"DROP INDEX IF EXISTS {TABLE}_vector",
    f"ALTER TABLE {TABLE} DROP COLUMN IF EXISTS search_vector",
]


def create_statements(vendor: str) -> list[str]:
    return {"sqlite": SQLITE_CREATE, "postgresql": POSTGRESQL_CREATE}.get(vendor, [])


def drop_statements(vendor: str) -> list[str]:
    return {"sqlite": SQLITE_DROP, "postgresql": POSTGRESQL_DROP}.get(vendor, [])
