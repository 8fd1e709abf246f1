package dev.flightdeck.config;

import io.micronaut.http.server.netty.NettyServerCustomizer.ChannelRole;
import io.netty.channel.embedded.EmbeddedChannel;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class QuietEventLoopsTest {

    /**
     * A Netty 4.2 loop with nothing scheduled wakes every second; once it has served a channel through the server's
     * customizer, the next thing it wakes for on its own is the hourly no-op.
     */
    @Test
    void aLoopThatServedAChannelSleepsUntilItsHourlyNoOp() {
        EmbeddedChannel channel = new EmbeddedChannel();
        assertThat(channel.runScheduledPendingTasks()).as("nothing scheduled").isEqualTo(-1);

        QuietEventLoops loops = new QuietEventLoops();
        loops.customizer().specializeForChannel(channel, ChannelRole.LISTENER);
        loops.customizer().specializeForChannel(channel, ChannelRole.CONNECTION);

        long next = channel.runScheduledPendingTasks();
        assertThat(next).isGreaterThan(Duration.ofMinutes(59).toNanos()).isLessThanOrEqualTo(QuietEventLoops.NAP.toNanos());
        channel.finishAndReleaseAll();
    }

    /** A channel not yet on a loop (no loop to quiet) is left alone rather than failing the connection. */
    @Test
    void anUnregisteredChannelIsLeftAlone() throws Exception {
        EmbeddedChannel channel = new EmbeddedChannel(false, false);
        QuietEventLoops loops = new QuietEventLoops();
        loops.customizer().specializeForChannel(channel, ChannelRole.CONNECTION);
        channel.register();
        assertThat(channel.runScheduledPendingTasks()).isEqualTo(-1);
        channel.finishAndReleaseAll();
    }
}
