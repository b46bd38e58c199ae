-- detente schema, version 2: a generation counter for caches of the graph.
-- The graph layer keeps a snapshot of entities and events next to the
-- database (<db>.graph, see docs/graph.md) and trusts it only while `n` is
-- what it was when the snapshot was written. Triggers bump `n` on every
-- change that can alter the graph, whoever makes it (detente, the sqlite3
-- shell, another program). `db_id` tells one database from another, so that a
-- snapshot copied along with a different file is never used.
CREATE TABLE generation (
  id    INTEGER PRIMARY KEY CHECK (id = 1),
  n     INTEGER NOT NULL,
  db_id TEXT NOT NULL
) STRICT;
INSERT INTO generation(id, n, db_id) VALUES (1, 0, lower(hex(randomblob(16))));

CREATE TRIGGER generation_events_ai AFTER INSERT ON events BEGIN
  UPDATE generation SET n = n + 1 WHERE id = 1;
END;
CREATE TRIGGER generation_events_au AFTER UPDATE ON events BEGIN
  UPDATE generation SET n = n + 1 WHERE id = 1;
END;
CREATE TRIGGER generation_events_ad AFTER DELETE ON events BEGIN
  UPDATE generation SET n = n + 1 WHERE id = 1;
END;
CREATE TRIGGER generation_entities_ai AFTER INSERT ON entities BEGIN
  UPDATE generation SET n = n + 1 WHERE id = 1;
END;
CREATE TRIGGER generation_entities_au AFTER UPDATE ON entities BEGIN
  UPDATE generation SET n = n + 1 WHERE id = 1;
END;
CREATE TRIGGER generation_entities_ad AFTER DELETE ON entities BEGIN
  UPDATE generation SET n = n + 1 WHERE id = 1;
END;
-- An event without a date takes its document's published date.
CREATE TRIGGER generation_documents_au AFTER UPDATE OF published ON documents BEGIN
  UPDATE generation SET n = n + 1 WHERE id = 1;
END;
