package dev.flightdeck.persistence.configchange;

import dev.flightdeck.envconfig.change.PendingValues;
import dev.flightdeck.testing.MutableClock;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link PendingValues} on a real database: what a proposal's value looks like at rest, and when it stops being
 * readable. Subclasses choose the database (H2 in PostgreSQL mode, PostgreSQL).
 */
abstract class JdbcPendingValuesContract {

    /** A made-up FLIGHTDECK_CONFIG_KEY for these contexts (they have no Slack signing secret). */
    static final String CONFIG_KEY = Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII));

    @Inject
    PendingValues pending;
    @Inject
    MutableClock clock;

    protected abstract Connection rawConnection() throws SQLException;

    private final long changeId = ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE / 2);
    private final String value = "s3cr3t-" + UUID.randomUUID();

    @Test
    void heldValueIsReadBackUntilItsTimeAndTheRowHoldsOnlyCiphertext() throws SQLException {
        Instant now = clock.instant();
        pending.hold(changeId, value, now.plus(Duration.ofHours(1)));

        assertThat(pending).isInstanceOf(JdbcPendingValues.class);
        assertThat(pending.read(changeId, now.plus(Duration.ofMinutes(59)))).contains(value);
        assertThat(pending.read(changeId, now.plus(Duration.ofHours(1)))).isEmpty();
        List<byte[]> stored = rowBytes(changeId);
        assertThat(stored).isNotEmpty();
        byte[] plain = value.getBytes(StandardCharsets.UTF_8);
        for (byte[] column : stored) {
            assertThat(new String(column, StandardCharsets.ISO_8859_1)).doesNotContain(value).doesNotContain("s3cr3t");
            assertThat(indexOf(column, plain)).isEqualTo(-1);
        }
    }

    @Test
    void forgottenValueIsGoneAndForgettingTwiceIsHarmless() throws SQLException {
        pending.hold(changeId, value, clock.instant().plus(Duration.ofHours(1)));

        pending.forget(changeId);
        pending.forget(changeId);

        assertThat(pending.read(changeId, clock.instant())).isEmpty();
        assertThat(rowBytes(changeId)).isEmpty();
    }

    @Test
    void aRowMovedToAnotherChangeDoesNotOpen() throws SQLException {
        long other = changeId + 1;
        pending.hold(changeId, value, clock.instant().plus(Duration.ofHours(1)));
        try (Connection c = rawConnection(); PreparedStatement s = c.prepareStatement(
                "INSERT INTO config_pending_value (change_id, nonce, ciphertext, key_id, expires_at) "
                        + "SELECT ?, nonce, ciphertext, key_id, expires_at FROM config_pending_value WHERE change_id = ?")) {
            s.setLong(1, other);
            s.setLong(2, changeId);
            assertThat(s.executeUpdate()).isEqualTo(1);
        }

        assertThat(pending.read(other, clock.instant())).isEmpty();
        assertThat(pending.read(changeId, clock.instant())).contains(value);
        pending.forget(other);
    }

    @Test
    void aSecondHoldForTheSameChangeReplacesTheFirst() {
        pending.hold(changeId, value, clock.instant().plus(Duration.ofHours(1)));
        pending.hold(changeId, value + "-again", clock.instant().plus(Duration.ofHours(1)));

        assertThat(pending.read(changeId, clock.instant())).contains(value + "-again");
    }

    @Test
    void pruneDeletesRowsPastTheirTimeOnly() throws SQLException {
        long later = changeId + 2;
        pending.hold(changeId, value, clock.instant().plus(Duration.ofMinutes(10)));
        pending.hold(later, value, clock.instant().plus(Duration.ofHours(2)));

        clock.advance(Duration.ofMinutes(11));
        ((JdbcPendingValues) pending).prune();

        assertThat(rowBytes(changeId)).isEmpty();
        assertThat(rowBytes(later)).isNotEmpty();
        pending.forget(later);
    }

    /** Every column of the change's row, as bytes. */
    private List<byte[]> rowBytes(long id) throws SQLException {
        List<byte[]> columns = new ArrayList<>();
        try (Connection c = rawConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT * FROM config_pending_value WHERE change_id = ?")) {
            s.setLong(1, id);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                        Object v = rs.getObject(i);
                        columns.add(v instanceof byte[] b ? b : String.valueOf(v).getBytes(StandardCharsets.UTF_8));
                    }
                }
            }
        }
        return columns;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
