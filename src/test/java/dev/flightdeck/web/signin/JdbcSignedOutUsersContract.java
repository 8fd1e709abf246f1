package dev.flightdeck.web.signin;

import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sign-out times on a real database (subclasses: H2 in PostgreSQL mode, PostgreSQL): one row per user that only
 * moves forward, kept to the millisecond (a sign-in in the same second as a sign-out must still be told apart).
 */
abstract class JdbcSignedOutUsersContract {

    @Inject
    SignedOutUsers users;

    /** The test instance is shared by the class's tests (PER_CLASS): each test takes its own user. */
    static String newUser() {
        return "U" + UUID.randomUUID().toString().substring(0, 8);
    }
    final Instant t0 = Instant.parse("2026-03-02T10:00:00.123Z");

    @Test
    void theStoreIsTheJdbcAdapter() {
        assertThat(users).isInstanceOf(JdbcSignedOutUsers.class);
    }

    @Test
    void aUserWhoNeverSignedOutHasNoTime() {
        String user = newUser();
        assertThat(users.lastSignOut(user)).isEmpty();
    }

    @Test
    void theLatestSignOutIsKeptToTheMillisecond() {
        String user = newUser();
        users.signedOut(user, t0);
        assertThat(users.lastSignOut(user)).hasValue(t0);
        users.signedOut(user, t0.plusMillis(1));
        assertThat(users.lastSignOut(user)).hasValue(t0.plusMillis(1));
        users.signedOut(user, t0.minusSeconds(60)); // a replica with a late clock, or a late event: no step back
        assertThat(users.lastSignOut(user)).hasValue(t0.plusMillis(1));
        assertThat(users.lastSignOut(user + "x")).isEmpty();
    }
}
