-- Who met whom, and when? Asserted, non-negated meetings and talks, oldest first.
-- The date is the event's own, else the article's publication date.
SELECT COALESCE(event_date, published) AS date,
       actor,
       action,
       object,
       place,
       sentence
FROM event_view
WHERE action IN ('meet', 'hold talks with', 'talk with', 'host', 'receive', 'visit')
  AND object IS NOT NULL
  AND negated = 0
  AND modality = 'asserted'
ORDER BY date, event_id;
