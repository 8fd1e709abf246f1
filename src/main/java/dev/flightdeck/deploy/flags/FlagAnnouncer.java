package dev.flightdeck.deploy.flags;

import java.util.Optional;

/**
 * Tells the environment's channel about flag requests (port; the Slack adapter renders and posts through its outbox).
 * {@link #post} answers empty only when the request cannot be posted at all; the request is then cancelled rather
 * than left waiting unseen.
 */
public interface FlagAnnouncer {

    Optional<FlagRequest.Message> post(FlagRequest request);

    /** Redraws the request as it now stands and says {@code news} in its thread (and, when applied, in the channel). */
    void changed(FlagRequest request, FlagNews news);
}
