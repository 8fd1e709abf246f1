package dev.flightdeck.incident.access;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * One break-glass request and, once granted, its assignment, as stored. The instance, account and permission set ARN
 * are copied from the team file when asked, so the revocation undoes exactly what was granted even if the file
 * changes meanwhile. {@code dueAt}: when the job next owes this row something (a lapse, a grant or revoke attempt, a
 * status to follow, the expiry); empty when nothing is owed. {@code awsRequestId}: the Identity Center request whose
 * status is being followed (the creation while GRANTING, the deletion while REVOKING). {@code endReason}: why the
 * access ends or ended early ({@link End}).
 */
public record AccessGrant(long id,
                          long incident,
                          String requester,
                          String permissionSet,
                          String permissionSetArn,
                          String instanceArn,
                          String account,
                          Duration duration,
                          String reason,
                          AccessState state,
                          int version,
                          Instant requestedAt,
                          Optional<String> decidedBy,
                          Optional<String> principalId,
                          Optional<String> awsRequestId,
                          Optional<Instant> grantedAt,
                          Optional<Instant> expiresAt,
                          Optional<Instant> dueAt,
                          int attempts,
                          Optional<String> lastError,
                          Optional<End> endReason,
                          Optional<Instant> endedAt) {

    /** Why access ended (or never started). */
    public enum End {
        EXPIRED, RESOLVED, DENIED, NO_USER, AWS_FAILED, GAVE_UP, NOT_DECIDED
    }

    /** What a request is when first stored. */
    public record New(long incident, String requester, String permissionSet, String permissionSetArn,
                      String instanceArn, String account, Duration duration, String reason, Instant requestedAt,
                      Instant decideBy) {
    }

    public AccessGrant with(AccessState s) {
        return new AccessGrant(id, incident, requester, permissionSet, permissionSetArn, instanceArn, account, duration,
                reason, s, version, requestedAt, decidedBy, principalId, awsRequestId, grantedAt, expiresAt, dueAt,
                attempts, lastError, endReason, endedAt);
    }

    public AccessGrant decided(String by) {
        return new AccessGrant(id, incident, requester, permissionSet, permissionSetArn, instanceArn, account, duration,
                reason, state, version, requestedAt, Optional.of(by), principalId, awsRequestId, grantedAt, expiresAt,
                dueAt, attempts, lastError, endReason, endedAt);
    }

    public AccessGrant principal(String value) {
        return new AccessGrant(id, incident, requester, permissionSet, permissionSetArn, instanceArn, account, duration,
                reason, state, version, requestedAt, decidedBy, Optional.of(value), awsRequestId, grantedAt, expiresAt,
                dueAt, attempts, lastError, endReason, endedAt);
    }

    public AccessGrant following(Optional<String> request) {
        return new AccessGrant(id, incident, requester, permissionSet, permissionSetArn, instanceArn, account, duration,
                reason, state, version, requestedAt, decidedBy, principalId, request, grantedAt, expiresAt, dueAt,
                attempts, lastError, endReason, endedAt);
    }

    public AccessGrant granted(Instant at) {
        return new AccessGrant(id, incident, requester, permissionSet, permissionSetArn, instanceArn, account, duration,
                reason, state, version, requestedAt, decidedBy, principalId, Optional.empty(), Optional.of(at),
                Optional.of(at.plus(duration)), dueAt, 0, Optional.empty(), endReason, endedAt);
    }

    public AccessGrant due(Optional<Instant> at) {
        return new AccessGrant(id, incident, requester, permissionSet, permissionSetArn, instanceArn, account, duration,
                reason, state, version, requestedAt, decidedBy, principalId, awsRequestId, grantedAt, expiresAt, at,
                attempts, lastError, endReason, endedAt);
    }

    public AccessGrant attempt(int count, Optional<String> error) {
        return new AccessGrant(id, incident, requester, permissionSet, permissionSetArn, instanceArn, account, duration,
                reason, state, version, requestedAt, decidedBy, principalId, awsRequestId, grantedAt, expiresAt, dueAt,
                count, error, endReason, endedAt);
    }

    /** Marks why it ends; the first reason given stays. */
    public AccessGrant ending(End why) {
        return new AccessGrant(id, incident, requester, permissionSet, permissionSetArn, instanceArn, account, duration,
                reason, state, version, requestedAt, decidedBy, principalId, awsRequestId, grantedAt, expiresAt, dueAt,
                attempts, lastError, endReason.isPresent() ? endReason : Optional.of(why), endedAt);
    }

    public AccessGrant ended(Instant at) {
        return new AccessGrant(id, incident, requester, permissionSet, permissionSetArn, instanceArn, account, duration,
                reason, state, version, requestedAt, decidedBy, principalId, awsRequestId, grantedAt, expiresAt,
                Optional.empty(), attempts, lastError, endReason, Optional.of(at));
    }

    /** The Identity Center assignment this request makes (or made), once its user is known. */
    public IdentityCenter.Assignment assignment() {
        return new IdentityCenter.Assignment(instanceArn, account, permissionSetArn, principalId.orElseThrow());
    }
}
