package dev.flightdeck.slack.edge;

import dev.flightdeck.slack.edge.SlackEdge;
import dev.flightdeck.slack.edge.SlackEventsController;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.http.netty.channel.ChannelPipelineCustomizer;
import io.micronaut.http.server.HttpServerConfiguration;
import io.micronaut.http.server.netty.NettyServerCustomizer;
import io.netty.channel.Channel;
import io.netty.channel.ChannelPipeline;
import jakarta.inject.Named;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.ExecutorService;

/**
 * Puts {@link FastSlackEdge} in each HTTP/1.1 connection's pipeline, right after Netty's HTTP codec. On by default;
 * {@code flightdeck.slack.fast-path: false} leaves every Slack request to the Micronaut route, and so does asking for
 * Micronaut's HTTP server spans ({@code FLIGHTDECK_HTTP_SERVER_SPANS}), which only that route produces.
 */
@Singleton
@Requires(property = "flightdeck.slack.fast-path", notEquals = "false", defaultValue = "true")
public class FastSlackEdgeInstaller implements BeanCreatedEventListener<NettyServerCustomizer.Registry> {

    private static final Logger LOG = LoggerFactory.getLogger(FastSlackEdgeInstaller.class);
    static final String HANDLER = "flightdeck-slack-edge";

    private final Provider<SlackEdge> edge;
    private final Provider<ExecutorService> acks;
    private final HttpServerConfiguration server;
    private final boolean serverSpans;

    public FastSlackEdgeInstaller(Provider<SlackEdge> edge,
                                  @Named(SlackEventsController.ACK_EXECUTOR) Provider<ExecutorService> acks,
                                  HttpServerConfiguration server,
                                  @Value("${tracing.http.server.path:/no-http-server-spans}") String serverSpanPath) {
        this.edge = edge;
        this.acks = acks;
        this.server = server;
        this.serverSpans = !"/no-http-server-spans".equals(serverSpanPath);
    }

    @Override
    public NettyServerCustomizer.Registry onCreated(BeanCreatedEvent<NettyServerCustomizer.Registry> event) {
        if (serverSpans) {
            LOG.info("HTTP server spans are on: Slack requests go through the Micronaut route");
        } else {
            event.getBean().register(new Connections(null));
        }
        return event.getBean();
    }

    /** Specialised per connection; adds the handler once the connection's HTTP/1.1 pipeline is built. */
    private final class Connections implements NettyServerCustomizer {
        private final Channel channel;

        Connections(Channel channel) {
            this.channel = channel;
        }

        @Override
        public NettyServerCustomizer specializeForChannel(Channel channel, ChannelRole role) {
            return role == ChannelRole.CONNECTION ? new Connections(channel) : this;
        }

        @Override
        public void onStreamPipelineBuilt() {
            if (channel == null) {
                return;
            }
            ChannelPipeline pipeline = channel.pipeline();
            if (pipeline.get(ChannelPipelineCustomizer.HANDLER_HTTP_SERVER_CODEC) != null && pipeline.get(HANDLER) == null) {
                pipeline.addAfter(ChannelPipelineCustomizer.HANDLER_HTTP_SERVER_CODEC, HANDLER,
                        new FastSlackEdge(edge.get(), acks.get(), server.getMaxRequestSize()));
            }
        }
    }
}
