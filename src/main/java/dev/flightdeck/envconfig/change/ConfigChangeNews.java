package dev.flightdeck.envconfig.change;

import java.util.Optional;

/**
 * Tells the environment's channel about change requests (port; the Slack adapter renders and posts). A failure to
 * post is the adapter's to retry (the outbox); {@link #post} answers empty only when the request cannot be posted
 * at all (the bot can't reach the channel), and then the request is cancelled rather than left waiting unseen.
 */
public interface ConfigChangeNews {

    /** Posts a new request (the go/no-go with its buttons); where it went, or empty when it could not be posted. */
    Optional<ConfigChange.Message> post(ConfigChange change);

    /** Redraws the request as {@code change} now stands and says {@code news} in its thread. */
    void changed(ConfigChange change, ChangeNews news);
}
