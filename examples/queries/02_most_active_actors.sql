-- The most active actors: how many events each one starts, with how many
-- different counterparts, over which period.
SELECT actor,
       actor_kind AS kind,
       actor_country AS country,
       COUNT(*) AS events,
       COUNT(DISTINCT object) AS counterparts,
       MIN(COALESCE(event_date, published)) AS first,
       MAX(COALESCE(event_date, published)) AS last
FROM event_view
WHERE negated = 0 AND modality = 'asserted'
GROUP BY actor
ORDER BY events DESC, actor
LIMIT 20;
