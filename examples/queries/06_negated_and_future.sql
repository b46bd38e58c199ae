-- What did not happen, and what is only announced or possible: the events
-- the graph commands leave out unless given --include-negated or
-- --include-future.
SELECT COALESCE(event_date, published) AS date,
       CASE WHEN negated = 1 THEN 'negated' ELSE modality END AS status,
       actor, action, COALESCE(object, '') AS object, time_text, sentence
FROM event_view
WHERE negated = 1 OR modality <> 'asserted'
ORDER BY date, event_id;
