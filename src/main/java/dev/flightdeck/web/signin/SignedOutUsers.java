package dev.flightdeck.web.signin;

import java.time.Instant;
import java.util.Optional;

/** When each user last signed out of the manager pages (port; the database makes it hold across replicas). */
public interface SignedOutUsers {

    /** Records {@code at} for {@code subject} unless a later sign-out is already recorded. */
    void signedOut(String subject, Instant at);

    Optional<Instant> lastSignOut(String subject);
}
