-- Events per month and CAMEO root class ("04 Consult", "17 Coerce" ...).
-- Events without a known date are counted under "unknown".
SELECT COALESCE(substr(COALESCE(e.event_date, d.published), 1, 7), 'unknown') AS month,
       COALESCE(e.action_class, '(none)') AS class,
       COUNT(*) AS events
FROM events e
JOIN sentences s ON s.id = e.sentence_id
JOIN documents d ON d.id = s.document_id
WHERE e.negated = 0 AND e.modality = 'asserted'
GROUP BY month, class
ORDER BY month, events DESC;
