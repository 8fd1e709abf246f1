package dev.flightdeck.slack.edge;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.core.order.Ordered;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.List;

/**
 * The service takes Slack's requests over from the {@link EarlyEdge}: when the context has started, and before the HTTP
 * server binds the port (Micronaut starts it right after this event), the early edge is closed and every signed form
 * it answered is given to the replay guard, so a copy sent to the service is refused as it would have been there.
 * Runs after the other start-up listeners, so the port is free only just before Micronaut binds it.
 */
@Singleton
@Requires(beans = EarlyEdge.class)
public class EarlyEdgeHandover implements ApplicationEventListener<StartupEvent>, Ordered {

    private static final Logger LOG = LoggerFactory.getLogger(EarlyEdgeHandover.class);

    private final EarlyEdge early;
    private final ReplayGuard replays;
    private final Clock clock;

    public EarlyEdgeHandover(EarlyEdge early, ReplayGuard replays, Clock clock) {
        this.early = early;
        this.replays = replays;
        this.clock = clock;
    }

    @Override
    public void onApplicationEvent(StartupEvent event) {
        List<EarlyAnswers.Seen> seen = early.close();
        for (EarlyAnswers.Seen s : seen) {
            replays.firstTime(s.signature(), s.timestamp(), clock.instant());
        }
        LOG.info("The early Slack edge answered {} request(s) while the service started; the service answers from now on",
                early.answered());
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
