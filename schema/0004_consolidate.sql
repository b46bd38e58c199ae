-- detente schema, version 4: one entity per real actor, one event per real
-- event, and the codes analysts look for (docs/schema.md, "Schema 4").
--
-- Entities: a CAMEO agent role, the surname key of a person (for "Macron"
-- in one document and "Emmanuel Macron" in another), and the evidence for
-- each attribute (kind, country, role) so that the best-supported value wins.
ALTER TABLE entities ADD COLUMN role TEXT;     -- CAMEO agent role: GOV, MIL, REB ...
ALTER TABLE entities ADD COLUMN surname TEXT;  -- last word of the name's key, for a person
CREATE INDEX entities_surname ON entities(surname) WHERE surname IS NOT NULL;
UPDATE entities SET surname = nullif(detente_surname_key(name), '') WHERE kind = 'person';

-- Every alias with its key (NameKey: folded, transliterated); resolution
-- looks names up by key.
ALTER TABLE aliases ADD COLUMN key TEXT;
UPDATE aliases SET key = detente_name_key(alias);
CREATE INDEX aliases_key ON aliases(key);

CREATE TABLE entity_evidence (
  entity_id INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
  attr      TEXT NOT NULL CHECK (attr IN ('kind', 'country', 'role')),
  value     TEXT NOT NULL,
  n         INTEGER NOT NULL,          -- documents that gave this value
  PRIMARY KEY (entity_id, attr, value)
) STRICT;
INSERT INTO entity_evidence(entity_id, attr, value, n)
  SELECT id, 'kind', kind, 1 FROM entities WHERE kind <> 'unknown';
INSERT INTO entity_evidence(entity_id, attr, value, n)
  SELECT id, 'country', country, 1 FROM entities WHERE country IS NOT NULL;

-- Events: a row of `events` is one mention (one sentence); the mentions of
-- one real event share head_id, the id of its first mention. A row whose
-- head_id is NULL (the bulk loader, an older detente) is an event of its own.
ALTER TABLE events ADD COLUMN head_id INTEGER;
ALTER TABLE events ADD COLUMN cameo_code TEXT;   -- full CAMEO code: "042"
ALTER TABLE events ADD COLUMN quad_class INTEGER CHECK (quad_class BETWEEN 1 AND 4);
ALTER TABLE events ADD COLUMN goldstein REAL;    -- Goldstein weight of cameo_code
ALTER TABLE events ADD COLUMN actor_role TEXT;   -- the role the actor acted in
ALTER TABLE events ADD COLUMN object_role TEXT;
ALTER TABLE events ADD COLUMN rule TEXT;         -- the extraction rules that found it
CREATE INDEX events_head ON events(head_id) WHERE head_id IS NOT NULL;
-- Older rows: the code is the root of their class ("04 Consult" -> "04").
UPDATE events SET cameo_code = substr(action_class, 1, 2)
  WHERE action_class GLOB '[0-2][0-9] *';

-- When an event's first mention goes (its document deleted), the next one
-- becomes the head.
CREATE TRIGGER events_head_ad AFTER DELETE ON events
WHEN old.head_id = old.id BEGIN
  UPDATE events SET head_id = (SELECT min(id) FROM events WHERE head_id = old.id)
  WHERE head_id = old.id;
END;

-- What analysts corrected (`detente entity merge|unmerge|alias`), by name so
-- that it holds for entities an ingest creates later. `undone_at` is set when
-- a merge was undone or an alias removed again.
CREATE TABLE curation (
  id        INTEGER PRIMARY KEY,
  op        TEXT NOT NULL CHECK (op IN ('merge', 'alias add', 'alias remove')),
  entity    TEXT NOT NULL,      -- the entity kept, or the one the alias is about
  other     TEXT NOT NULL,      -- the entity merged into it, or the alias
  other_key TEXT NOT NULL,      -- NameKey(other)
  at        TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  undone_at TEXT
) STRICT;
CREATE INDEX curation_other_key ON curation(other_key);

-- What a merge changed, so that `detente entity unmerge` can put it back.
CREATE TABLE curation_undo (
  curation_id INTEGER NOT NULL REFERENCES curation(id) ON DELETE CASCADE,
  what        TEXT NOT NULL,   -- entity, alias, actor, object, place, head, evidence
  row_id      INTEGER,         -- the entity or event row
  text        TEXT,            -- alias; entity: kind; evidence: attr
  value       TEXT,            -- entity: country; evidence: value; head: old head_id
  n           INTEGER          -- evidence: count
) STRICT;
CREATE INDEX curation_undo_curation ON curation_undo(curation_id);

-- One row per mention: the sentence it came from and the event it belongs to.
CREATE VIEW mention_view AS
SELECT e.id            AS mention_id,
       COALESCE(e.head_id, e.id) AS event_id,
       a.name          AS actor,
       COALESCE(e.actor_role, a.role) AS actor_role,
       e.action,
       e.action_class,
       e.cameo_code,
       o.name          AS object,
       COALESCE(e.object_role, o.role) AS object_role,
       p.name          AS place,
       e.event_date,
       e.time_text,
       e.negated,
       e.modality,
       e.confidence,
       e.rule,
       s.text          AS sentence,
       s.in_title,
       d.id            AS document_id,
       d.doc_id,
       d.url,
       d.published
FROM events e
JOIN entities a  ON a.id = e.actor_id
LEFT JOIN entities o ON o.id = e.object_id
LEFT JOIN entities p ON p.id = e.place_id
JOIN sentences s ON s.id = e.sentence_id
JOIN documents d ON d.id = s.document_id;

-- One row per event (its first mention's sentence and document), with how
-- many sentences and documents reported it.
DROP VIEW event_view;
CREATE VIEW event_view AS
SELECT e.id            AS event_id,
       a.name          AS actor,
       a.kind          AS actor_kind,
       a.country       AS actor_country,
       COALESCE(e.actor_role, a.role) AS actor_role,
       e.action,
       e.action_class,
       e.cameo_code,
       e.quad_class,
       e.goldstein,
       o.name          AS object,
       o.kind          AS object_kind,
       o.country       AS object_country,
       COALESCE(e.object_role, o.role) AS object_role,
       p.name          AS place,
       p.country       AS place_country,
       e.event_date,
       e.time_text,
       e.negated,
       e.modality,
       e.confidence,
       max(1, (SELECT count(*) FROM events m WHERE m.head_id = e.id)) AS mentions,
       max(1, (SELECT count(DISTINCT ms.document_id) FROM events m
               JOIN sentences ms ON ms.id = m.sentence_id WHERE m.head_id = e.id)) AS sources,
       COALESCE((SELECT min(md.published) FROM events m JOIN sentences ms ON ms.id = m.sentence_id
                 JOIN documents md ON md.id = ms.document_id WHERE m.head_id = e.id),
                d.published) AS first_seen,
       COALESCE((SELECT max(md.published) FROM events m JOIN sentences ms ON ms.id = m.sentence_id
                 JOIN documents md ON md.id = ms.document_id WHERE m.head_id = e.id),
                d.published) AS last_seen,
       s.text          AS sentence,
       d.id            AS document_id,
       d.doc_id,
       d.url,
       d.title         AS document_title,
       d.published     AS published
FROM events e
JOIN entities a  ON a.id = e.actor_id
LEFT JOIN entities o ON o.id = e.object_id
LEFT JOIN entities p ON p.id = e.place_id
JOIN sentences s ON s.id = e.sentence_id
JOIN documents d ON d.id = s.document_id
WHERE e.head_id IS NULL OR e.head_id = e.id;

-- Actor -> object pairs over asserted, non-negated events (not mentions).
DROP VIEW edges;
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
WHERE e.negated = 0 AND e.modality = 'asserted' AND (e.head_id IS NULL OR e.head_id = e.id)
GROUP BY e.actor_id, e.object_id;

-- Graph snapshots made before this schema counted mentions.
UPDATE generation SET n = n + 1 WHERE id = 1;
