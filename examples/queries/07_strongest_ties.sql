-- The strongest ties: actor -> object pairs with the most asserted events
-- (the edges view), and the actions that make them up.
SELECT source, target, events, actions, first_date, last_date
FROM edges
ORDER BY events DESC, last_date DESC
LIMIT 20;
