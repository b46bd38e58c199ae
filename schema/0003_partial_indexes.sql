-- detente schema, version 3: the nullable columns of events are indexed
-- where they are not NULL. Nobody looks events up by a missing place, object
-- or date, and a query that names one (place_id = ?, a join on object_id,
-- event_date BETWEEN ...) still uses the index, which is smaller and faster
-- to build (about half of all events have no place).
DROP INDEX events_object;
DROP INDEX events_place;
DROP INDEX events_date;
CREATE INDEX events_object ON events(object_id) WHERE object_id IS NOT NULL;
CREATE INDEX events_place ON events(place_id) WHERE place_id IS NOT NULL;
CREATE INDEX events_date ON events(event_date) WHERE event_date IS NOT NULL;
