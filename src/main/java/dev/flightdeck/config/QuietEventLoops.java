package dev.flightdeck.config;

import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.http.server.netty.NettyServerCustomizer;
import io.netty.channel.Channel;
import io.netty.channel.EventLoop;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Lets the HTTP server's Netty event loops sleep while nothing happens. Netty 4.2's loops wake once a second when
 * nothing is scheduled on them (the scheduled-task purge interval; 4.1's slept in select until I/O or a task came): idle,
 * the listener's and the connections' loops were two wake-ups a second. With a no-op scheduled every hour on each loop
 * that serves a channel, a loop's select waits for I/O, a task or that hour. I/O and tasks wake it as before.
 */
@Singleton
public class QuietEventLoops implements BeanCreatedEventListener<NettyServerCustomizer.Registry> {

    /** How long a loop with nothing to do sleeps at most. */
    static final Duration NAP = Duration.ofHours(1);
    private static final Runnable NOTHING = () -> { };

    private final Set<EventLoop> quieted = ConcurrentHashMap.newKeySet();
    private final NettyServerCustomizer customizer = new NettyServerCustomizer() {
        @Override
        public NettyServerCustomizer specializeForChannel(Channel channel, ChannelRole role) {
            quiet(channel);
            return this;
        }
    };

    @Override
    public NettyServerCustomizer.Registry onCreated(BeanCreatedEvent<NettyServerCustomizer.Registry> event) {
        event.getBean().register(customizer);
        return event.getBean();
    }

    NettyServerCustomizer customizer() {
        return customizer;
    }

    /** Once per loop (a CPU core has one or two): the first channel a loop serves schedules its hourly no-op. */
    void quiet(Channel channel) {
        if (!channel.isRegistered()) {
            return;
        }
        EventLoop loop = channel.eventLoop();
        if (quieted.add(loop)) {
            loop.scheduleAtFixedRate(NOTHING, NAP.toMillis(), NAP.toMillis(), TimeUnit.MILLISECONDS);
        }
    }
}
