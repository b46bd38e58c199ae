-- detente schema, version 5: the names as the extractor gave them, before
-- the store resolved them to entities (docs/schema.md, "Schema 5").
--
-- Entity resolution depends on what the store already holds: a bare
-- "Iqbal" is the Femi Iqbal of an earlier article only if that article was
-- stored first. A shard (`detente ingest` of one partition) resolves against
-- its own partition; keeping what each document named lets `detente merge`
-- resolve it again against the whole store, as one ingest would have.

-- Every name a document's extraction resolved, in the order it was
-- resolved, with the other names the extractor gave for the same entity and
-- the attributes it saw in this document. Rows of older documents: none.
CREATE TABLE document_entities (
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  seq         INTEGER NOT NULL,   -- 0, 1, ...: the order of resolution
  name        TEXT NOT NULL,
  aliases     TEXT,               -- JSON array of the other names, or NULL
  kind        TEXT,
  country     TEXT,               -- ISO 3166-1 alpha-3
  role        TEXT,               -- CAMEO agent role
  PRIMARY KEY (document_id, seq)
) STRICT, WITHOUT ROWID;

-- The actor, object and place of each mention as named in its sentence.
ALTER TABLE events ADD COLUMN actor_name TEXT;
ALTER TABLE events ADD COLUMN object_name TEXT;
ALTER TABLE events ADD COLUMN place_name TEXT;
