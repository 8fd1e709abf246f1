package dev.flightdeck.audit;

import java.util.regex.Pattern;

/**
 * An event type together with the version of its payload's shape. Declare one constant per type next
 * to the code that records it, e.g. {@code static final AuditType APPROVED = new AuditType("deploy.approved", 1)};
 * bump the version when the payload's fields change meaning, so old rows stay readable.
 */
public record AuditType(String name, int schemaVersion) {

    public static final int MAX_NAME_LENGTH = 100;
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)*");

    public AuditType {
        if (name == null || !NAME.matcher(name).matches() || name.length() > MAX_NAME_LENGTH) {
            throw new IllegalArgumentException(
                    "audit type must be dotted lower case like deploy.approved (max " + MAX_NAME_LENGTH + "): " + name);
        }
        if (schemaVersion < 1) {
            throw new IllegalArgumentException("schemaVersion must be >= 1, was " + schemaVersion);
        }
    }
}
