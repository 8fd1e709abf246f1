package dev.flightdeck.audit;

/** The domain tests' fake keeps the same contract as the database adapter. */
class InMemoryAuditLogTest extends AuditLogContract {

    private final InMemoryAuditLog log = new InMemoryAuditLog();

    @Override
    protected AuditLog auditLog() {
        return log;
    }
}
