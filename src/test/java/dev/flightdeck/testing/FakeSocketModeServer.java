package dev.flightdeck.testing;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;

import java.net.InetSocketAddress;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A fake of Slack's Socket Mode WebSocket endpoint: greets the client with {@code hello}, pushes envelopes
 * (slash commands, interactions, events) and hands back the client's acknowledgement for each.
 * The fake Web API's {@code apps.connections.open} should return {@link #url()}. Like Slack, it can drop the
 * connection ({@link #drop()}) or ask the client to reconnect ({@link #refresh()}); envelopes go to the newest one.
 */
public final class FakeSocketModeServer implements AutoCloseable {

    private static final Pattern ENVELOPE_ID = Pattern.compile("\"envelope_id\"\\s*:\\s*\"([^\"]+)\"");

    private final EventLoopGroup group = new NioEventLoopGroup(1);
    private final Map<String, CompletableFuture<String>> acks = new ConcurrentHashMap<>();
    private volatile CompletableFuture<Channel> connected = new CompletableFuture<>();
    private final java.util.concurrent.atomic.AtomicInteger connections = new java.util.concurrent.atomic.AtomicInteger();
    private final Channel server;

    public FakeSocketModeServer() throws InterruptedException {
        server = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(1 << 20),
                                new WebSocketServerProtocolHandler("/link", null, true), new Frames());
                    }
                })
                .bind(new InetSocketAddress("127.0.0.1", 0)).sync().channel();
    }

    public String url() {
        return "ws://127.0.0.1:" + ((InetSocketAddress) server.localAddress()).getPort() + "/link";
    }

    /** Waits for the client to connect (it then has been sent {@code hello}). */
    public void awaitConnected(java.time.Duration timeout) throws Exception {
        connected.get(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    /** Waits until the client has opened {@code n} connections in all, the newest of them open. */
    public void awaitConnections(int n, java.time.Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (connections.get() < n || !connected.isDone()) {
            if (System.nanoTime() > deadline) {
                throw new java.util.concurrent.TimeoutException("the client opened " + connections.get() + " of " + n + " connections");
            }
            Thread.sleep(50);
        }
    }

    public int connections() {
        return connections.get();
    }

    /** The connection breaks (a proxy or the network drops it): closed without a word to the client. */
    public void drop() {
        Channel old = connected.join();
        connected = new CompletableFuture<>();
        old.close().syncUninterruptibly();
    }

    /** Slack's planned refresh: a {@code disconnect} message, after which the client opens a new connection. */
    public void refresh(String disconnectJson) {
        Channel old = connected.join();
        connected = new CompletableFuture<>();
        old.writeAndFlush(new TextWebSocketFrame(disconnectJson));
    }

    /** Pushes a whole envelope as given (its own {@code envelope_id}); the future completes with the client's ack. */
    public CompletableFuture<String> send(String envelopeJson) {
        Matcher m = ENVELOPE_ID.matcher(envelopeJson);
        if (!m.find()) {
            throw new IllegalArgumentException("an envelope needs an envelope_id");
        }
        CompletableFuture<String> ack = new CompletableFuture<>();
        acks.put(m.group(1), ack);
        connected.join().writeAndFlush(new TextWebSocketFrame(envelopeJson));
        return ack;
    }

    /**
     * Pushes one envelope; the future completes with the client's whole acknowledgement message.
     * @param type {@code slash_commands}, {@code interactive} or {@code events_api}
     * @param payloadJson the payload object as Slack sends it
     */
    public CompletableFuture<String> push(String type, String payloadJson) {
        String envelopeId = UUID.randomUUID().toString();
        CompletableFuture<String> ack = new CompletableFuture<>();
        acks.put(envelopeId, ack);
        String envelope = "{\"envelope_id\":\"" + envelopeId + "\",\"type\":\"" + type + "\",\"accepts_response_payload\":"
                + (!"events_api".equals(type)) + ",\"retry_attempt\":0,\"retry_reason\":\"\",\"payload\":" + payloadJson + "}";
        connected.join().writeAndFlush(new TextWebSocketFrame(envelope));
        return ack;
    }

    @Override
    public void close() {
        server.close().syncUninterruptibly();
        group.shutdownGracefully(0, 1, java.util.concurrent.TimeUnit.SECONDS).syncUninterruptibly();
    }

    private final class Frames extends SimpleChannelInboundHandler<TextWebSocketFrame> {
        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
            if (event instanceof WebSocketServerProtocolHandler.HandshakeComplete) {
                ctx.writeAndFlush(new TextWebSocketFrame("{\"type\":\"hello\",\"num_connections\":1,"
                        + "\"debug_info\":{\"host\":\"fake-socket-mode\",\"approximate_connection_time\":18060},"
                        + "\"connection_info\":{\"app_id\":\"A0FLIGHTDK\"}}"));
                connections.incrementAndGet();
                if (!connected.complete(ctx.channel())) {
                    connected = CompletableFuture.completedFuture(ctx.channel());
                }
            }
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, TextWebSocketFrame frame) {
            String text = frame.text();
            Matcher m = ENVELOPE_ID.matcher(text);
            if (m.find()) {
                CompletableFuture<String> ack = acks.remove(m.group(1));
                if (ack != null) {
                    ack.complete(text);
                }
            }
        }
    }
}
