package dev.flightdeck.slack.edge;

import dev.flightdeck.slack.edge.SlackEdge;
import dev.flightdeck.slack.edge.SlackEventsController;
import io.netty.buffer.CompositeByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.channel.socket.DuplexChannel;
import io.netty.handler.codec.DateFormatter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpStatusClass;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.util.ReferenceCountUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * {@code POST /slack/events} answered straight from Netty, one per connection, ahead of Micronaut's router, filters
 * and reactive response pipeline: in the benchmark's profile those were two thirds of an acked request's CPU, and
 * this request is the one with a deadline (Slack gives up after three seconds). The work is the same
 * {@link SlackEdge} the Micronaut route calls, on the same {@code slack-acks} pool; the event loop only gathers the
 * body and writes the answer.
 *
 * <p>Anything else passes through untouched, and so does a Slack request this path does not take: another request on
 * the connection still in Micronaut's hands (answers must keep their order), {@code Expect: 100-continue}, a content
 * type other than form or JSON (Micronaut answers 415), a body over the server's limit (413 here, as Micronaut does).
 * Requests that arrive on the connection while one is being handled here wait, in order, until it is answered.
 */
final class FastSlackEdge extends ChannelDuplexHandler {

    private static final Logger LOG = LoggerFactory.getLogger(FastSlackEdge.class);
    static final String PATH = SlackEventsController.PATH;

    private final SlackEdge edge;
    private final Executor acks;
    private final long maxBody;

    private HttpRequest taking;       // the Slack request whose body is being gathered
    private CompositeByteBuf body;
    private boolean answering;        // handed to the pool, answer not written yet
    /** How long a refused client may go on sending before the connection is closed anyway. */
    static final Duration LINGER = Duration.ofSeconds(2);
    private boolean refused;          // answered 413 and closing: the rest of the connection's input is dropped
    private int inMicronaut;          // requests passed on and not yet answered
    private final ArrayDeque<Object> waiting = new ArrayDeque<>();

    FastSlackEdge(SlackEdge edge, Executor acks, long maxBody) {
        this.edge = edge;
        this.acks = acks;
        this.maxBody = maxBody;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (refused) {
            ReferenceCountUtil.release(msg);
            if (msg instanceof LastHttpContent) {
                ctx.close(); // the client has sent all it meant to: it has read the 413 by now or will find it
            }
        } else if (answering) {
            waiting.add(msg);
        } else if (taking != null) {
            gather(ctx, msg);
        } else if (msg instanceof HttpRequest request && takes(request)) {
            long length = HttpUtil.getContentLength(request, -1L);
            if (length > maxBody) {
                ReferenceCountUtil.release(msg);
                refuseTooLarge(ctx);
                return;
            }
            taking = request;
            body = ctx.alloc().compositeBuffer();
            if (msg instanceof HttpContent) {
                gather(ctx, msg);
            }
        } else {
            if (msg instanceof HttpRequest) {
                inMicronaut++;
            }
            ctx.fireChannelRead(msg);
        }
    }

    private boolean takes(HttpRequest request) {
        if (inMicronaut > 0 || request.method() != HttpMethod.POST || request.decoderResult().isFailure()
                || HttpUtil.is100ContinueExpected(request)) {
            return false;
        }
        String uri = request.uri();
        int query = uri.indexOf('?');
        if (!(query < 0 ? uri.equals(PATH) : uri.regionMatches(0, PATH, 0, query) && query == PATH.length())) {
            return false;
        }
        String type = request.headers().get(HttpHeaderNames.CONTENT_TYPE);
        return type != null && (type.regionMatches(true, 0, "application/x-www-form-urlencoded", 0, 33)
                || type.regionMatches(true, 0, "application/json", 0, 16));
    }

    private void gather(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof HttpContent content)) {
            ReferenceCountUtil.release(msg); // cannot happen with Netty's decoder; never leak
            return;
        }
        body.addComponent(true, content.content().retain());
        content.release();
        if (body.readableBytes() > maxBody) {
            reset();
            refuseTooLarge(ctx);
            return;
        }
        if (msg instanceof LastHttpContent) {
            HttpRequest request = taking;
            byte[] bytes = new byte[body.readableBytes()];
            body.readBytes(bytes);
            reset();
            answering = true;
            dispatch(ctx, request, bytes);
        }
    }

    private void dispatch(ChannelHandlerContext ctx, HttpRequest request, byte[] bytes) {
        QueryStringDecoder uri = new QueryStringDecoder(request.uri());
        Map<String, List<String>> headers = SlackEdge.headers(request.headers()::getAll);
        String remote = ctx.channel().remoteAddress() instanceof InetSocketAddress a
                ? a.getAddress().getHostAddress() : "unknown";
        boolean keepAlive = HttpUtil.isKeepAlive(request);
        try {
            acks.execute(() -> {
                SlackEdge.Answer answer;
                try {
                    answer = edge.handle(uri.path(), uri.parameters(), headers, bytes, remote);
                } catch (RuntimeException e) {
                    LOG.error("Slack request failed", e);
                    answer = SlackEdge.Answer.json(500, "{\"error\":\"internal error\"}");
                }
                SlackEdge.Answer done = answer;
                ctx.executor().execute(() -> answer(ctx, done, keepAlive));
            });
        } catch (RejectedExecutionException e) {
            answer(ctx, SlackEdge.Answer.json(503, "{\"error\":\"shutting down\"}"), false);
        }
    }

    /** On the event loop: writes the answer, then lets the requests that waited through, in order. */
    private void answer(ChannelHandlerContext ctx, SlackEdge.Answer answer, boolean keepAlive) {
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                HttpResponseStatus.valueOf(answer.status()),
                answer.body() == null ? Unpooled.EMPTY_BUFFER : Unpooled.wrappedBuffer(answer.body()));
        answer.headers().forEach((name, values) -> response.headers().add(name, values));
        if (answer.contentType() != null) {
            response.headers().set(HttpHeaderNames.CONTENT_TYPE, answer.contentType());
        }
        response.headers().set(HttpHeaderNames.CONTENT_LENGTH, response.content().readableBytes());
        response.headers().set(HttpHeaderNames.DATE, Now.httpDate());
        if (!keepAlive) {
            response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        }
        var written = ctx.writeAndFlush(response);
        answering = false;
        if (!keepAlive) {
            written.addListener(ChannelFutureListener.CLOSE);
            waiting.forEach(ReferenceCountUtil::release);
            waiting.clear();
            return;
        }
        boolean drained = false;
        while (!answering && !waiting.isEmpty() && ctx.channel().isActive()) {
            channelRead(ctx, waiting.poll());
            drained = true;
        }
        if (drained) {
            // These reads were replayed outside Netty's read loop, so no read-complete follows them; Micronaut's
            // pipelining handler flushes its answers on read-complete, and without one the last answer would sit
            // unflushed until the client sent something else.
            ctx.fireChannelReadComplete();
        }
    }

    private void refuseTooLarge(ChannelHandlerContext ctx) {
        refused = true;
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE, Unpooled.copiedBuffer(
                "{\"error\":\"the request is larger than the server accepts\"}", StandardCharsets.UTF_8));
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/json")
                .set(HttpHeaderNames.CONTENT_LENGTH, response.content().readableBytes())
                .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        // A lingering close, as web servers do: closing while the client is still sending makes its TCP stack reset
        // the connection, and the client may never read the 413. So stop writing (the client reads the answer, then
        // end of stream), drop what it still sends, and close when its request ends or after LINGER at the latest.
        ctx.writeAndFlush(response).addListener(f -> {
            if (ctx.channel() instanceof DuplexChannel duplex && f.isSuccess()) {
                duplex.shutdownOutput();
                ctx.executor().schedule(() -> ctx.close(), LINGER.toMillis(), TimeUnit.MILLISECONDS);
            } else {
                ctx.close();
            }
        });
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        boolean informational = msg instanceof HttpResponse r
                && r.status().codeClass() == HttpStatusClass.INFORMATIONAL;
        if (msg instanceof LastHttpContent && !informational && inMicronaut > 0) {
            inMicronaut--; // Micronaut finished an answer; its outbound writes are the only ones passing here
        }
        ctx.write(msg, promise);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        reset();
        waiting.forEach(ReferenceCountUtil::release);
        waiting.clear();
        ctx.fireChannelInactive();
    }

    private void reset() {
        taking = null;
        if (body != null) {
            body.release();
            body = null;
        }
    }

    /** The Date header, formatted once a second. */
    static final class Now {
        private static volatile long second;
        private static volatile String formatted = "";

        private Now() {
        }

        static String httpDate() {
            long now = System.currentTimeMillis() / 1000;
            if (now != second) {
                formatted = DateFormatter.format(new Date(now * 1000));
                second = now;
            }
            return formatted;
        }
    }
}
