package dev.flightdeck.persistence.configchange;

import dev.flightdeck.envconfig.change.PendingValues;
import dev.flightdeck.logging.SecretValueGuard;
import dev.flightdeck.persistence.EarliestDue;
import dev.flightdeck.wake.Waker;
import dev.flightdeck.wake.Wakeups;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * {@link PendingValues} in the table {@code config_pending_value}: AES-256-GCM ciphertext under a key that is not in
 * the database ({@link PendingValueCipher}), so a dump or a backup of the database alone reveals no proposed value,
 * while every replica can open it (they share FLIGHTDECK_CONFIG_KEY or the Slack signing secret). docs/THREAT-MODEL.md,
 * "Pending secret values", has the trade-off. Rows past their time are deleted by a waker of their own.
 */
@Singleton
public class JdbcPendingValues implements PendingValues {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcPendingValues.class);
    static final String WAKE_TOPIC = "config-pending-values";

    private final PendingValueRows rows;
    private final DataSource dataSource;
    private final Clock clock;
    private final String configKey;
    private final String signingSecret;
    private volatile PendingValueCipher cipher;

    public JdbcPendingValues(PendingValueRows rows, DataSource dataSource, Clock clock,
                             @Value("${envconfig.config-key:}") String configKey,
                             @Value("${slack.signing-secret:}") String signingSecret) {
        this.rows = rows;
        this.dataSource = dataSource;
        this.clock = clock;
        this.configKey = configKey;
        this.signingSecret = signingSecret;
        if (configKey != null && !configKey.isBlank()) {
            cipher(); // a malformed FLIGHTDECK_CONFIG_KEY stops the start, not the first proposal hours later
        }
    }

    @Inject
    void wakeWith(Wakeups wakeups, @Value("${flightdeck.config.pending-prune-interval:10m}") Duration cap) {
        wakeups.start(WAKE_TOPIC, Waker.Job.of(() -> EarliestDue.of(dataSource, "SELECT MIN(expires_at) FROM config_pending_value"), () -> prune()), cap);
    }

    @Override
    public void hold(long changeId, String value, Instant until) {
        PendingValueCipher c = cipher();
        SecretValueGuard.hold(value, Duration.between(clock.instant(), until));
        PendingValueCipher.Sealed sealed = c.seal(changeId, value);
        rows.deleteByChangeId(changeId); // a change proposes one value; a repeat of the submission replaces it
        rows.save(new PendingValueRow(changeId, sealed.nonce(), sealed.ciphertext(), c.keyId(), until));
    }

    @Override
    public Optional<String> read(long changeId, Instant now) {
        Optional<PendingValueRow> row = rows.findById(changeId);
        if (row.isEmpty() || !now.isBefore(row.get().expiresAt())) {
            return Optional.empty();
        }
        PendingValueCipher c = cipher();
        Optional<String> value = c.open(changeId, row.get().nonce(), row.get().ciphertext());
        if (value.isEmpty()) {
            // The flow answers "the proposed value can no longer be read; propose it again"; the log says why.
            LOG.warn("The pending value of config change {} does not open: {}", changeId,
                    c.keyId().equals(row.get().keyId())
                            ? "its row was altered or moved from another change"
                            : "it was sealed with another key (FLIGHTDECK_CONFIG_KEY or SLACK_SIGNING_SECRET changed)");
        }
        value.ifPresent(v -> SecretValueGuard.hold(v, SecretValueGuard.LONGEST_HOLD));
        return value;
    }

    @Override
    public void forget(long changeId) {
        Optional<PendingValueRow> row = rows.findById(changeId);
        rows.deleteByChangeId(changeId);
        // The log guard's copy ends by itself within minutes; ending it now is a courtesy that may not stop the delete.
        try {
            row.flatMap(r -> cipher().open(changeId, r.nonce(), r.ciphertext())).ifPresent(SecretValueGuard::release);
        } catch (RuntimeException e) {
            LOG.debug("config change {}: the log guard keeps its copy until it lapses ({})", changeId,
                    e.getClass().getSimpleName());
        }
    }

    /** Deletes every value past its time; returns how many. */
    public int prune() {
        return rows.deleteExpired(clock.instant());
    }

    private PendingValueCipher cipher() {
        PendingValueCipher c = cipher;
        if (c == null) {
            c = PendingValueCipher.fromSettings(configKey, signingSecret);
            cipher = c;
        }
        return c;
    }
}
