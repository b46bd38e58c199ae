-- Every entity with its kind, country, aliases and number of events (as
-- actor or object): the names `detente path` and `detente entity` accept.
SELECT n.name,
       n.kind,
       COALESCE(n.country, '') AS country,
       (SELECT group_concat(alias, '; ') FROM aliases a WHERE a.entity_id = n.id) AS aliases,
       (SELECT COUNT(*) FROM events e WHERE e.actor_id = n.id OR e.object_id = n.id) AS events
FROM entities n
ORDER BY events DESC, n.name;
