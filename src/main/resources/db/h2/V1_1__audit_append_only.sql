-- H2 only. Audit events are never updated or deleted (DESIGN section 8): refuse it in the database too.
-- H2 triggers are Java classes, hence not portable; PostgreSQL's twin is db/postgresql. H2's TRUNCATE does
-- not fire triggers; H2 is the single-node default, PostgreSQL is where the TRUNCATE guard matters.
CREATE TRIGGER audit_event_append_only
    BEFORE UPDATE, DELETE ON audit_event
    FOR EACH ROW CALL 'dev.flightdeck.persistence.H2AuditAppendOnlyTrigger';
