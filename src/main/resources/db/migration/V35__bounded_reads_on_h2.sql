-- Issue 20 (growth on H2): the past-incidents page reads the resolved incidents newest first by id, a page at a time
-- (ORDER BY status DESC, id DESC with status fixed). With an index on status alone H2 read every resolved incident
-- ever and sorted them; on (status, id) it reads the page's rows from the top and stops. It serves what the index on
-- status alone served (the open incidents by status), so that one goes.
CREATE INDEX incident_status_id ON incident (status, id);
DROP INDEX incident_status;
