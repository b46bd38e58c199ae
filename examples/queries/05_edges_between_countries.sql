-- Every event between the people and institutions of two countries, both
-- ways (ISO 3166-1 alpha-3 codes; change 'USA' and 'CHN').
SELECT COALESCE(event_date, published) AS date,
       actor, actor_country, action, object, object_country, sentence
FROM event_view
WHERE negated = 0 AND modality = 'asserted'
  AND ((actor_country = 'USA' AND object_country = 'CHN')
    OR (actor_country = 'CHN' AND object_country = 'USA'))
ORDER BY date, event_id;
