package dev.flightdeck.deploy.release;

import dev.flightdeck.deploy.DeployRequest;
import dev.flightdeck.deploy.InputProblem;

import java.util.List;

/**
 * What a release delivery did: nothing, for one reason ({@link Ignored}), or something for each service whose
 * {@code repo} it is ({@link PerService}). Data only; the webhook adapter words it.
 */
public sealed interface ReleaseOutcome {

    /** Nothing was opened and nothing needs to be. */
    sealed interface Ignored extends ReleaseOutcome {
    }

    /** An action other than {@code published} (created, edited, released, …). */
    record NotPublished(String action) implements Ignored {
    }

    record Draft() implements Ignored {
    }

    record Prerelease() implements Ignored {
    }

    /** The delivery lacks what a request needs (a repository, a release id, a tag, an author). */
    record Unreadable(String missing) implements Ignored {
    }

    record NoService(String repository) implements Ignored {
    }

    /** Every service of this repository was skipped ({@link Skipped} or {@link BadInput}), each for its reason. */
    record AllSkipped(List<ServiceResult> skipped) implements Ignored {
    }

    /** At least one service opened a request or had one already; in the order of the team file. */
    record PerService(List<ServiceResult> results) implements ReleaseOutcome {
    }

    /** What one service made of the release. */
    sealed interface ServiceResult {
        String service();
    }

    record Opened(String service, DeployRequest request, boolean posted) implements ServiceResult {
    }

    record AlreadyOpened(String service, long requestId) implements ServiceResult {
    }

    /** Another delivery of this release is storing its request at this moment (ours was rolled back). */
    record BeingOpened(String service) implements ServiceResult {
    }

    /** The go/no-go message could not be posted: the request was cancelled, and a redelivery may open it again. */
    record NotAnnounced(String service, long requestId, String channel, String reason) implements ServiceResult {
    }

    /** @param detail what the reason is about: the login without a runner, or empty */
    record Skipped(String service, SkipReason reason, String detail) implements ServiceResult {
    }

    enum SkipReason {
        /** The service has a repo but no {@code on-release}. */
        NO_ON_RELEASE,
        /** {@code on-release} names no runner and the author's login is not in {@code people:}. */
        NO_RUNNER
    }

    /** The request was refused as bad input (the tag is not a version Flightdeck accepts, …), as a typed one is. */
    record BadInput(String service, InputProblem problem) implements ServiceResult {
    }
}
