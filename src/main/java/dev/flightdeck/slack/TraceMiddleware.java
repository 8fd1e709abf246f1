package dev.flightdeck.slack;

import com.slack.api.bolt.middleware.Middleware;
import com.slack.api.bolt.middleware.MiddlewareChain;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.request.builtin.EventRequest;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import com.slack.api.bolt.response.Response;
import org.slf4j.MDC;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Gives every Slack request (HTTP or Socket Mode) a trace id and names its team, user and command in the
 * logging MDC, so log lines, audit events and the async work after the ack can be followed back to it.
 * The SlackGateway carries the MDC onto its own threads.
 */
public final class TraceMiddleware implements Middleware {

    public static final String TRACE_ID = "traceId";
    public static final String SPAN_ID = "spanId";
    static final String[] KEYS = {TRACE_ID, SPAN_ID, "slackTeam", "slackUser", "slackCommand"};

    @Override
    public Response apply(Request req, Response resp, MiddlewareChain chain) throws Exception {
        MDC.put(TRACE_ID, randomHex(16));
        MDC.put(SPAN_ID, randomHex(8));
        put("slackTeam", req.getContext().getTeamId());
        put("slackUser", req.getContext().getRequestUserId());
        put("slackCommand", what(req));
        try {
            return chain.next(req);
        } finally {
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

    private static void put(String key, String value) {
        if (value != null && !value.isBlank()) {
            MDC.put(key, value);
        }
    }

    /** W3C trace-context sizes: 16 bytes for a trace id, 8 for a span id. */
    static String randomHex(int bytes) {
        byte[] b = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
