package dev.flightdeck.slack.edge;

import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.http.server.netty.NettyServerCustomizer;
import io.netty.channel.Channel;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The service takes Slack's requests over from the {@link EarlyEdge}: when Micronaut's HTTP server has made its
 * listening socket and is about to bind it, the early edge is closed and every signed form it answered is given to the
 * replay guard, so a copy sent to the service is refused as it would have been there. Closing there, not at the
 * context's start-up event, keeps the port closed only for the bind itself: making the server and its routes after
 * that event took 1.3–1.7 s on a busy machine, all of it with the port closed; now it is closed for about 40 ms.
 */
@Singleton
@Requires(beans = EarlyEdge.class)
public class EarlyEdgeHandover implements BeanCreatedEventListener<NettyServerCustomizer.Registry> {

    private static final Logger LOG = LoggerFactory.getLogger(EarlyEdgeHandover.class);

    private final EarlyEdge early;
    private final BeanProvider<ReplayGuard> replays;
    private final BeanProvider<Clock> clock;
    private final AtomicBoolean handedOver = new AtomicBoolean();

    public EarlyEdgeHandover(EarlyEdge early, BeanProvider<ReplayGuard> replays, BeanProvider<Clock> clock) {
        this.early = early;
        this.replays = replays;
        this.clock = clock;
    }

    @Override
    public NettyServerCustomizer.Registry onCreated(BeanCreatedEvent<NettyServerCustomizer.Registry> event) {
        event.getBean().register(new NettyServerCustomizer() {
            @Override
            public NettyServerCustomizer specializeForChannel(Channel channel, ChannelRole role) {
                if (role == ChannelRole.LISTENER) {
                    handOver();
                }
                return this;
            }
        });
        return event.getBean();
    }

    /** Once, before the first listening socket binds (a second one, the status page's own port, finds it done). */
    void handOver() {
        if (!handedOver.compareAndSet(false, true)) {
            return;
        }
        // The replay guard is made before the port is freed: making it (its repository, the data source) took most of
        // a second on a cold JVM, and the port stays closed until this returns.
        ReplayGuard guard = replays.get();
        Clock now = clock.get();
        List<EarlyAnswers.Seen> seen = early.close();
        for (EarlyAnswers.Seen s : seen) {
            guard.firstTime(s.signature(), s.timestamp(), now.instant());
        }
        LOG.info("The early Slack edge answered {} request(s) while the service started; the service answers from now on",
                early.answered());
    }
}
