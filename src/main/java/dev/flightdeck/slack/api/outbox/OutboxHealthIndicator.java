package dev.flightdeck.slack.api.outbox;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The outbox in /health: how many messages wait and for how long, and the messages given up on in the last day
 * (refused by Slack or expired), so a lost message is never silent. Operational whatever it says: a backlog means
 * Slack is slow, not that this replica should be restarted.
 */
@Singleton
@Requires(beans = Outbox.class)
public class OutboxHealthIndicator implements HealthIndicator {

    static final HealthStatus BEHIND = new HealthStatus("BEHIND", "Slack messages are waiting or were given up on", true, 1);
    static final Duration LOOK_BACK = Duration.ofHours(24);
    static final Duration STALE = Duration.ofMinutes(5);
    private static final int SHOWN = 5;

    private final Outbox outbox;
    private final OutboxStore store;
    private final Clock clock;

    public OutboxHealthIndicator(Outbox outbox, OutboxStore store, Clock clock) {
        this.outbox = outbox;
        this.store = store;
        this.clock = clock;
    }

    @Override
    public Publisher<HealthResult> getResult() {
        Map<String, Object> details = new LinkedHashMap<>();
        HealthStatus status;
        try {
            OutboxStore.Backlog backlog = store.backlog();
            double age = outbox.oldestAgeSeconds(backlog);
            Instant now = clock.instant();
            List<OutboxEntry> givenUp = store.givenUpSince(now.minus(LOOK_BACK), SHOWN);
            details.put("pending", backlog.pending());
            details.put("oldestPendingSeconds", (long) age);
            details.put("givenUpLast24h", givenUp.size() < SHOWN ? givenUp.size() : SHOWN + "+");
            if (!givenUp.isEmpty()) {
                details.put("givenUp", givenUp.stream().map(e -> Map.of("message", e.messageKey(),
                        "state", e.state().name(), "error", e.lastError() == null ? "" : e.lastError())).toList());
            }
            status = givenUp.isEmpty() && age < STALE.toSeconds() ? HealthStatus.UP : BEHIND;
        } catch (RuntimeException e) {
            details.put("error", e.getClass().getSimpleName());
            status = HealthStatus.UNKNOWN;
        }
        return Publishers.just(HealthResult.builder("outbox", status).details(details).build());
    }
}
