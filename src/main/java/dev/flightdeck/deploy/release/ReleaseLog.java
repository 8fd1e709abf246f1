package dev.flightdeck.deploy.release;

import java.util.Optional;

/**
 * Which deploy request each published release opened (port): one row per repository, release and service, so a
 * release delivered twice (GitHub's redelivery, two replicas, JSON then form) opens one request per service.
 * {@link #record} runs in the transaction that stores the request, so a crash keeps both or neither.
 */
public interface ReleaseLog {

    /** The request this release opened for this service, if any. Repository names compare without case. */
    Optional<Long> requestFor(String repository, long releaseId, String service);

    /**
     * Records that the release opened {@code requestId} for this service.
     *
     * @throws AlreadyRecorded when another delivery recorded it first (the caller's transaction must roll back)
     */
    void record(String repository, long releaseId, String service, String tag, long requestId);

    /** Forgets a request that could not be announced (it was cancelled), so a redelivery may open it again. */
    void forget(String repository, long releaseId, String service, long requestId);

    /** Another delivery of the same release got there first. */
    final class AlreadyRecorded extends RuntimeException {
        public AlreadyRecorded(String repository, long releaseId, String service) {
            super("release " + releaseId + " of " + repository + " already opened a request for " + service);
        }
    }
}
