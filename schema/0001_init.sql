-- detente schema, version 1. Applied inside one transaction that also sets
-- PRAGMA user_version = 1. See docs/schema.md for every table and view.

CREATE TABLE documents (
  id          INTEGER PRIMARY KEY,
  source      TEXT NOT NULL,          -- file path, "-" for stdin, or path#line for JSONL
  doc_id      TEXT,                   -- the document's own id (JSONL "id"), if any
  title       TEXT,
  url         TEXT,
  published   TEXT,                   -- ISO yyyy-mm-dd, if known
  sha256      TEXT NOT NULL UNIQUE,   -- of the normalised text: re-ingest is a no-op
  ingested_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
) STRICT;
CREATE INDEX documents_published ON documents(published);
CREATE INDEX documents_ingested_at ON documents(ingested_at);
CREATE INDEX documents_doc_id ON documents(doc_id);

CREATE TABLE sentences (
  id          INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  idx         INTEGER NOT NULL,       -- 0-based position in the document; the title is 0 when present
  in_title    INTEGER NOT NULL DEFAULT 0 CHECK (in_title IN (0, 1)),  -- 1: offsets are into the title
  start       INTEGER NOT NULL,       -- byte offsets into the document text (or title)
  end         INTEGER NOT NULL,
  text        TEXT NOT NULL,
  UNIQUE (document_id, idx)
) STRICT;

CREATE VIRTUAL TABLE sentences_fts USING fts5(text, content="sentences", content_rowid="id");
CREATE TRIGGER sentences_ai AFTER INSERT ON sentences BEGIN
  INSERT INTO sentences_fts(rowid, text) VALUES (new.id, new.text);
END;
CREATE TRIGGER sentences_ad AFTER DELETE ON sentences BEGIN
  INSERT INTO sentences_fts(sentences_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;
CREATE TRIGGER sentences_au AFTER UPDATE ON sentences BEGIN
  INSERT INTO sentences_fts(sentences_fts, rowid, text) VALUES ('delete', old.id, old.text);
  INSERT INTO sentences_fts(rowid, text) VALUES (new.id, new.text);
END;

CREATE TABLE entities (
  id      INTEGER PRIMARY KEY,
  name    TEXT NOT NULL COLLATE NOCASE UNIQUE,  -- canonical name
  kind    TEXT NOT NULL,                        -- person, country, organization, city, region, artefact, ...
  country TEXT                                  -- ISO 3166-1 alpha-3, if known
) STRICT;
CREATE INDEX entities_kind ON entities(kind);
CREATE INDEX entities_country ON entities(country);

CREATE TABLE aliases (
  alias     TEXT NOT NULL COLLATE NOCASE,
  entity_id INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
  PRIMARY KEY (alias, entity_id)
) STRICT;
CREATE INDEX aliases_entity ON aliases(entity_id);

CREATE TABLE events (
  id                INTEGER PRIMARY KEY,
  sentence_id       INTEGER NOT NULL REFERENCES sentences(id) ON DELETE CASCADE,
  actor_id          INTEGER NOT NULL REFERENCES entities(id),
  action            TEXT NOT NULL,      -- verb lemma with particle: "travel to"
  action_class      TEXT,               -- CAMEO root code and name: "04 Consult"
  object_id         INTEGER REFERENCES entities(id),
  place_id          INTEGER REFERENCES entities(id),
  event_date        TEXT,               -- ISO yyyy-mm-dd when resolved
  time_text         TEXT,               -- the time phrase as written
  negated           INTEGER NOT NULL DEFAULT 0 CHECK (negated IN (0, 1)),
  modality          TEXT NOT NULL DEFAULT 'asserted'
                    CHECK (modality IN ('asserted', 'future', 'possible')),
  confidence        REAL NOT NULL DEFAULT 1.0,
  extractor_version TEXT NOT NULL
) STRICT;
CREATE INDEX events_sentence ON events(sentence_id);
CREATE INDEX events_actor ON events(actor_id);
CREATE INDEX events_object ON events(object_id);
CREATE INDEX events_place ON events(place_id);
CREATE INDEX events_date ON events(event_date);
CREATE INDEX events_action ON events(action);

-- One row per event with names and the source sentence.
CREATE VIEW event_view AS
SELECT e.id            AS event_id,
       a.name          AS actor,
       a.kind          AS actor_kind,
       a.country       AS actor_country,
       e.action,
       e.action_class,
       o.name          AS object,
       o.kind          AS object_kind,
       o.country       AS object_country,
       p.name          AS place,
       e.event_date,
       e.time_text,
       e.negated,
       e.modality,
       e.confidence,
       s.text          AS sentence,
       d.id            AS document_id,
       d.title         AS document_title,
       d.published     AS published
FROM events e
JOIN entities a  ON a.id = e.actor_id
LEFT JOIN entities o ON o.id = e.object_id
LEFT JOIN entities p ON p.id = e.place_id
JOIN sentences s ON s.id = e.sentence_id
JOIN documents d ON d.id = s.document_id;

-- Actor -> object pairs over asserted, non-negated events.
CREATE VIEW edges AS
SELECT a.name AS source,
       o.name AS target,
       COUNT(*) AS events,
       group_concat(DISTINCT e.action) AS actions,
       MIN(COALESCE(e.event_date, d.published)) AS first_date,
       MAX(COALESCE(e.event_date, d.published)) AS last_date
FROM events e
JOIN entities a ON a.id = e.actor_id
JOIN entities o ON o.id = e.object_id
JOIN sentences s ON s.id = e.sentence_id
JOIN documents d ON d.id = s.document_id
WHERE e.negated = 0 AND e.modality = 'asserted'
GROUP BY e.actor_id, e.object_id;
