package dev.flightdeck.envconfig.change;

import jakarta.inject.Singleton;

import java.util.Optional;

/**
 * The config change use cases: propose (set, unset, revert), decide (go, no-go, override, cancel, retry), apply.
 * Each decision is one read, one conditional write, one audit event (fingerprints and versions only) and news to
 * the channel through {@link ConfigChangeNews}. Reading and writing AWS is slow: callers run {@link #ready},
 * {@link #propose}, {@link #revert} and {@link #apply} after the Slack ack.
 */
@Singleton
public class ConfigChanges {

    /** May {@code userId} propose a change of this key (service allows changes, key known)? Before the modal opens. */
    public ChangeOutcome ready(String userId, String service, String environment, String key, ChangeKind kind) {
        throw new UnsupportedOperationException("filled by the config-change flow");
    }

    /**
     * Runs the service's rules with the proposed value in place and posts the request. {@code value} is present for
     * SET only; a secret's value goes to {@link PendingValues} and nowhere else.
     */
    public ChangeOutcome propose(String userId, String service, String environment, String key, ChangeKind kind,
                                 Optional<String> value) {
        throw new UnsupportedOperationException("filled by the config-change flow");
    }

    /** Proposes the value before change {@code changeId} (an APPLIED change), through the same flow. */
    public ChangeOutcome revert(String userId, long changeId) {
        throw new UnsupportedOperationException("filled by the config-change flow");
    }

    public ChangeOutcome go(long id, String userId) {
        throw new UnsupportedOperationException("filled by the config-change flow");
    }

    public ChangeOutcome noGo(long id, String userId) {
        throw new UnsupportedOperationException("filled by the config-change flow");
    }

    public ChangeOutcome cancel(long id, String userId) {
        throw new UnsupportedOperationException("filled by the config-change flow");
    }

    public ChangeOutcome override(long id, String userId, String reason) {
        throw new UnsupportedOperationException("filled by the config-change flow");
    }

    /** A FAILED write tried again (the proposer or an approver); the caller runs {@link #apply} after the ack. */
    public ChangeOutcome retry(long id, String userId) {
        throw new UnsupportedOperationException("filled by the config-change flow");
    }

    /** Writes a change in APPLYING and tells the channel how it went. Safe to call twice: only one write happens. */
    public void apply(long id) {
        throw new UnsupportedOperationException("filled by the config-change flow");
    }
}
