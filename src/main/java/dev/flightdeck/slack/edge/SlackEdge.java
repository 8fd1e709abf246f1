package dev.flightdeck.slack.edge;

import com.slack.api.bolt.App;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.request.RequestType;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.util.SlackRequestParser;
import dev.flightdeck.slack.edge.ReplayGuard;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import dev.flightdeck.slack.SlashCommandListener;

/**
 * Every Slack request over HTTP, whichever server path brought it (the Micronaut controller or the Netty fast path):
 * verify the signature on the raw bytes, decode, hand it to the one Bolt App, and return Bolt's answer as bytes.
 */
@Singleton
public class SlackEdge {

    private static final Logger LOG = LoggerFactory.getLogger(SlackEdge.class);
    /** The headers read here, by Bolt and by the slash-command form (lower case). */
    static final List<String> HEADERS = List.of("x-slack-request-timestamp", "x-slack-signature", "x-slack-retry-num",
            "x-slack-retry-reason", "x-forwarded-for", "content-type");

    /** What to answer: status, content type, extra headers and the body's bytes. */
    public record Answer(int status, String contentType, Map<String, List<String>> headers, byte[] body) {
        public static Answer json(int status, String json) {
            return new Answer(status, "application/json", Map.of(), json.getBytes(StandardCharsets.UTF_8));
        }
    }

    private final BoltApp boltApp;
    private final SlackSignatureVerifier verifier;
    private final RejectedRequests rejected;
    private final ReplayGuard replays;
    private final Clock clock;
    private final MeterRegistry meters;
    private volatile SlackRequestParser parser;
    // One timer per request type, looked up once: registering per request cost an id, tags and a map lookup each time.
    private final Map<RequestType, Timer> ackTimers = new ConcurrentHashMap<>();
    private volatile EncodedBody lastBody;

    public SlackEdge(BoltApp boltApp, SlackSettings settings, RejectedRequests rejected, ReplayGuard replays, Clock clock,
                     MeterRegistry meters) {
        this.boltApp = boltApp;
        this.replays = replays;
        this.verifier = new SlackSignatureVerifier(settings.signingSecret());
        this.rejected = rejected;
        this.clock = clock;
        this.meters = meters;
    }

    /** The {@link #HEADERS} present, lower-cased names, from a server's header lookup. */
    public static Map<String, List<String>> headers(Function<String, List<String>> lookup) {
        Map<String, List<String>> headers = new HashMap<>(8);
        for (String name : HEADERS) {
            List<String> values = lookup.apply(name);
            if (values != null && !values.isEmpty()) {
                headers.put(name, values);
            }
        }
        return headers;
    }

    /**
     * @param headers  from {@link #headers}
     * @param remote   the peer's address (a proxy's X-Forwarded-For wins, as in Bolt)
     */
    public Answer handle(String path, Map<String, List<String>> query, Map<String, List<String>> headers, byte[] body,
                         String remote) {
        long started = System.nanoTime();
        var verdict = verifier.verify(first(headers, "x-slack-request-timestamp"), first(headers, "x-slack-signature"),
                body, clock.instant());
        if (verdict instanceof SlackSignatureVerifier.Verdict.Rejected r) {
            rejected.record(r.reason(), remote);
            return r.reason() == SlackSignatureVerifier.Reason.NOT_CONFIGURED
                    ? Answer.json(503, "{\"error\":\"Slack is not configured: set SLACK_SIGNING_SECRET and SLACK_BOT_TOKEN\"}")
                    : Answer.json(401, EdgeRefusals.BAD_SIGNATURE);
        }
        Optional<App> app;
        try {
            app = boltApp.app();
        } catch (BoltApp.NotReady e) {
            return Answer.json(503, "{\"error\":\"" + e.getMessage() + "; try again shortly\"}");
        }
        if (app.isEmpty()) {
            return Answer.json(503, "{\"error\":\"Slack is not configured: set SLACK_BOT_TOKEN\"}");
        }
        RequestHeaders requestHeaders = new RequestHeaders(headers);
        String text = new String(body, charsetOf(first(headers, "content-type")));
        boolean form = text.isEmpty() || text.charAt(0) != '{';
        Request<?> slackRequest;
        try {
            Map<String, String> fields = form ? SlashCommandForm.decode(text) : Map.of();
            slackRequest = form ? SlashCommandForm.parse(fields, text, requestHeaders, app.get().config(), remote) : null;
            if (slackRequest == null && form) {
                slackRequest = BlockActionForm.parse(fields, text, requestHeaders, app.get().config(), remote);
            }
            if (slackRequest == null) {
                slackRequest = parser(app.get()).parse(SlackRequestParser.HttpRequest.builder().requestUri(path).queryString(query)
                        .headers(requestHeaders).requestBody(form ? SlashCommandForm.forBolt(text) : text)
                        .remoteAddress(remote).build());
            }
        } catch (SlashCommandForm.TooManyFields e) {
            return Answer.json(400, EdgeRefusals.TOO_MANY_FIELDS);
        } catch (RuntimeException e) {
            // Signed but unreadable (a payload that is not JSON or not of Slack's shape): the sender's fault, so a
            // 400 without the parser's stack; the body itself is not logged, it may hold anything.
            LOG.warn("Unreadable signed Slack request ({} bytes): {}", body.length, e.getClass().getSimpleName());
            return Answer.json(400, "{\"error\":\"the payload is not valid Slack JSON\"}");
        }
        if (slackRequest == null) {
            return Answer.json(400, "{\"error\":\"not a Slack request\"}");
        }
        if (form && !replays.firstTime(first(headers, "x-slack-signature"),
                Long.parseLong(first(headers, "x-slack-request-timestamp").trim()), clock.instant())) {
            rejected.record(SlackSignatureVerifier.Reason.REPLAYED, remote);
            return Answer.json(409, EdgeRefusals.REPEATED);
        }
        Response response;
        try {
            response = app.get().run(slackRequest);
        } catch (Exception e) {
            // Bolt dereferences fields Slack always sends (a view_closed without its view, say): a signed request
            // missing them is malformed. Answer 400 without internals; the log keeps the stack for diagnosis.
            LOG.warn("Signed Slack {} request could not be handled", slackRequest.getRequestType(), e);
            return Answer.json(400, "{\"error\":\"the request is missing fields Slack always sends\"}");
        }
        ackTimers.computeIfAbsent(slackRequest.getRequestType(), type -> Timer.builder("flightdeck.slack.ack")
                        .description("Time from receiving a Slack request to answering it")
                        .tag("type", type.name().toLowerCase(Locale.ROOT))
                        .publishPercentiles(0.5, 0.99)
                        .register(meters))
                .record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        return new Answer(response.getStatusCode(), response.getContentType(),
                response.getHeaders() == null ? Map.of() : response.getHeaders(),
                response.getBody() == null ? null : encoded(response.getBody()));
    }

    /** Bolt's parser for the app's config; made on the first request that needs it (the app is built off-thread). */
    private SlackRequestParser parser(App app) {
        SlackRequestParser made = parser;
        if (made == null) {
            made = new SlackRequestParser(app.config());
            parser = made;
        }
        return made;
    }

    private static String first(Map<String, List<String>> headers, String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /**
     * The help ack is one shared String (see SlashCommandListener), so its bytes are encoded once: writing that
     * non-ASCII text char by char into Netty's buffer was the largest single item of a help request's profile.
     */
    private byte[] encoded(String body) {
        EncodedBody last = lastBody;
        if (last != null && last.text() == body) {
            return last.bytes();
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        lastBody = new EncodedBody(body, bytes);
        return bytes;
    }

    private record EncodedBody(String text, byte[] bytes) { }

    /** Slack sends UTF-8; a charset parameter on the content type is honoured, anything unknown falls back to UTF-8. */
    static Charset charsetOf(String contentType) {
        int at = contentType == null ? -1 : contentType.toLowerCase(Locale.ROOT).indexOf("charset=");
        if (at < 0) {
            return StandardCharsets.UTF_8; // as Slack sends it
        }
        String name = contentType.substring(at + "charset=".length()).split(";", 2)[0].trim().replace("\"", "");
        try {
            return Charset.forName(name);
        } catch (RuntimeException e) {
            LOG.debug("Unknown charset on a Slack request; reading it as UTF-8");
            return StandardCharsets.UTF_8;
        }
    }
}
