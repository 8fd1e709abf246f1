package dev.flightdeck.slack.edge;

import com.slack.api.bolt.middleware.Middleware;
import com.slack.api.bolt.middleware.MiddlewareChain;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.request.builtin.EventRequest;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import com.slack.api.bolt.response.Response;
import dev.flightdeck.telemetry.Spans;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Scope;
import org.slf4j.MDC;
import dev.flightdeck.slack.api.SlackGateway;

/**
 * Gives every Slack request (HTTP or Socket Mode) a span and names its team, user and command in the
 * logging MDC, so log lines, audit events and the async work after the ack can be followed back to it.
 * The span is a child of the HTTP server span when there is one; its trace id is the log's trace id, so exported
 * traces and log lines join. The SlackGateway and AfterAck carry both onto their own threads.
 */
public final class TraceMiddleware implements Middleware {

    public static final String TRACE_ID = Spans.TRACE_ID;
    public static final String SPAN_ID = Spans.SPAN_ID;
    static final String[] KEYS = {TRACE_ID, SPAN_ID, "slackTeam", "slackUser", "slackCommand"};

    private final Spans spans;

    public TraceMiddleware(Spans spans) {
        this.spans = spans;
    }

    @Override
    public Response apply(Request req, Response resp, MiddlewareChain chain) throws Exception {
        String what = what(req);
        // A new request never inherits a previous one's trace id from a pooled thread.
        MDC.remove(TRACE_ID);
        MDC.remove(SPAN_ID);
        Span span = spans.start("slack " + what, SpanKind.INTERNAL);
        put(span, "slackTeam", req.getContext().getTeamId());
        put(span, "slackUser", req.getContext().getRequestUserId());
        put(span, "slackCommand", what);
        try (Scope ignored = span.makeCurrent(); Spans.Ids ids = Spans.Ids.of(span)) {
            return chain.next(req);
        } finally {
            span.end();
            for (String key : KEYS) {
                MDC.remove(key);
            }
        }
    }

    private static String what(Request<?> req) {
        if (req instanceof SlashCommandRequest r) {
            return r.getPayload().getCommand();
        }
        if (req instanceof BlockActionRequest r && r.getPayload().getActions() != null && !r.getPayload().getActions().isEmpty()) {
            return "action:" + r.getPayload().getActions().get(0).getActionId();
        }
        if (req instanceof ViewSubmissionRequest r) {
            return "view:" + r.getPayload().getView().getCallbackId();
        }
        if (req instanceof EventRequest r) {
            return "event:" + r.getEventType();
        }
        return req.getRequestType().name().toLowerCase();
    }

    // Team, user and command ids are Slack ids, not secrets: they go on the span too, to find a person's trace.
    private static void put(Span span, String key, String value) {
        if (value != null && !value.isBlank()) {
            MDC.put(key, value);
            span.setAttribute(key, value);
        }
    }
}
