package dev.flightdeck.incident.access;

import java.util.Optional;

/**
 * IAM Identity Center as break-glass access needs it (port; {@code aws/sso} implements it on the SDK): find a person's
 * user in the identity store, and make or remove one account assignment, following AWS's asynchronous status.
 * Anything that fails for now (throttling, a network error, AWS not configured) throws {@link Unavailable}: the
 * caller tries again later.
 */
public interface IdentityCenter {

    /** The user whose UserName (or, failing that, e-mail address) is {@code name}; empty when there is none. */
    Optional<String> userId(String identityStoreId, String name);

    Progress create(Assignment assignment);

    Progress creationStatus(String instanceArn, String requestId);

    /** Deleting an assignment that is not there (any more) answers SUCCEEDED: what was owed is done. */
    Progress delete(Assignment assignment);

    Progress deletionStatus(String instanceArn, String requestId);

    /** A permission set of an account, given to one user. */
    record Assignment(String instanceArn, String account, String permissionSetArn, String principalId) {
    }

    enum Status {
        IN_PROGRESS, SUCCEEDED, FAILED
    }

    /** AWS's answer: the request to follow (when it gave one) and, for FAILED, its reason. */
    record Progress(Status status, Optional<String> requestId, Optional<String> failure) {
        public static Progress done() {
            return new Progress(Status.SUCCEEDED, Optional.empty(), Optional.empty());
        }
    }

    class Unavailable extends RuntimeException {
        public Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
