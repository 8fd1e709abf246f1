package dev.flightdeck.web.signin;

import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.Optional;

/**
 * {@link SignedOutUsers} in the table web_signed_out. Insert-or-update without ON CONFLICT … DO UPDATE, which H2 does
 * not understand: move an existing row forward, else insert, else (another replica inserted meanwhile) move forward.
 * It lives with sign-in, not in persistence/: a session's sign-out time is the pages' own concern, not a domain fact,
 * so the web adapter keeps its own table (through the shared DataSource) rather than have persistence import web.
 */
@Singleton
@Requires(beans = javax.sql.DataSource.class)
public class JdbcSignedOutUsers implements SignedOutUsers {

    private final WebSignedOutRows rows;

    public JdbcSignedOutUsers(WebSignedOutRows rows) {
        this.rows = rows;
    }

    @Override
    public void signedOut(String subject, Instant at) {
        if (rows.moveForward(subject, at) == 0 && rows.insertIfAbsent(subject, at) == 0) {
            rows.moveForward(subject, at);
        }
    }

    @Override
    public Optional<Instant> lastSignOut(String subject) {
        return rows.findBySubject(subject).map(WebSignedOutRow::signedOutAt);
    }
}
