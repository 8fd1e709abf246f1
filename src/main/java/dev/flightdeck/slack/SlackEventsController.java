package dev.flightdeck.slack;

import com.slack.api.bolt.App;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.request.RequestType;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.util.SlackRequestParser;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.annotation.ExecuteOn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The HTTP edge for every Slack request: verify the signature on the raw bytes, then hand the
 * request to the one Bolt App and copy its response back. Nothing else happens here.
 */
@Controller
public class SlackEventsController {

    private static final Logger LOG = LoggerFactory.getLogger(SlackEventsController.class);
    /** The fixed pool configured in application.yml (micronaut.executors.slack-acks). */
    static final String ACK_EXECUTOR = "slack-acks";

    private final BoltApp boltApp;
    private final SlackSignatureVerifier verifier;
    private final RejectedRequests rejected;
    private final Clock clock;
    private final MeterRegistry meters;
    private final SlackRequestParser parser;
    // One timer per request type, looked up once: registering per request cost an id, tags and a map lookup each time.
    private final Map<RequestType, Timer> ackTimers = new ConcurrentHashMap<>();
    private volatile EncodedBody lastBody;

    public SlackEventsController(BoltApp boltApp, SlackSettings settings, RejectedRequests rejected,
                                 Clock clock, MeterRegistry meters) {
        this.boltApp = boltApp;
        this.verifier = new SlackSignatureVerifier(settings.signingSecret());
        this.rejected = rejected;
        this.clock = clock;
        this.meters = meters;
        this.parser = boltApp.app().map(app -> new SlackRequestParser(app.config())).orElse(null);
    }

    @Post(uri = "/slack/events", consumes = {MediaType.APPLICATION_FORM_URLENCODED, MediaType.APPLICATION_JSON},
            produces = MediaType.APPLICATION_JSON)
    @ExecuteOn(ACK_EXECUTOR)
    public HttpResponse<?> events(HttpRequest<?> request, @Body byte[] body) throws Exception {
        long started = System.nanoTime();
        String remote = request.getRemoteAddress().getAddress().getHostAddress();
        var verdict = verifier.verify(request.getHeaders().get("X-Slack-Request-Timestamp"),
                request.getHeaders().get("X-Slack-Signature"), body, clock.instant());
        if (verdict instanceof SlackSignatureVerifier.Verdict.Rejected r) {
            rejected.record(r.reason(), remote);
            return r.reason() == SlackSignatureVerifier.Reason.NOT_CONFIGURED
                    ? HttpResponse.<String>status(io.micronaut.http.HttpStatus.SERVICE_UNAVAILABLE)
                        .body("{\"error\":\"Slack is not configured: set SLACK_SIGNING_SECRET and SLACK_BOT_TOKEN\"}")
                    : HttpResponse.<String>unauthorized().body("{\"error\":\"invalid request signature\"}");
        }
        Optional<App> app = boltApp.app();
        if (app.isEmpty()) {
            return HttpResponse.<String>status(io.micronaut.http.HttpStatus.SERVICE_UNAVAILABLE)
                    .body("{\"error\":\"Slack is not configured: set SLACK_BOT_TOKEN\"}");
        }
        RequestHeaders headers = new RequestHeaders(headersOf(request));
        String text = new String(body, charsetOf(request));
        Request<?> slackRequest;
        try {
            slackRequest = SlashCommandForm.parse(text, headers, app.get().config(), remote);
            if (slackRequest == null) {
                slackRequest = parser.parse(SlackRequestParser.HttpRequest.builder()
                        .requestUri(request.getPath())
                        .queryString(queryOf(request))
                        .headers(headers)
                        .requestBody(text)
                        .remoteAddress(remote)
                        .build());
            }
        } catch (RuntimeException e) {
            // Signed but unreadable (a payload that is not JSON or not of Slack's shape): the sender's fault, so a
            // 400 without the parser's stack; the body itself is not logged, it may hold anything.
            LOG.warn("Unreadable signed Slack request ({} bytes): {}", body.length, e.getClass().getSimpleName());
            return HttpResponse.<String>badRequest().body("{\"error\":\"the payload is not valid Slack JSON\"}");
        }
        if (slackRequest == null) {
            return HttpResponse.<String>badRequest().body("{\"error\":\"not a Slack request\"}");
        }
        Response response;
        try {
            response = app.get().run(slackRequest);
        } catch (RuntimeException e) {
            // Bolt dereferences fields Slack always sends (a view_closed without its view, say): a signed request
            // missing them is malformed. Answer 400 without internals; the log keeps the stack for diagnosis.
            LOG.warn("Signed Slack {} request could not be handled", slackRequest.getRequestType(), e);
            return HttpResponse.<String>badRequest().body("{\"error\":\"the request is missing fields Slack always sends\"}");
        }
        ackTimers.computeIfAbsent(slackRequest.getRequestType(), type -> Timer.builder("flightdeck.slack.ack")
                        .description("Time from receiving a Slack request to answering it")
                        .tag("type", type.name().toLowerCase())
                        .publishPercentiles(0.5, 0.99)
                        .register(meters))
                .record(System.nanoTime() - started, java.util.concurrent.TimeUnit.NANOSECONDS);
        return toHttp(response);
    }

    private MutableHttpResponse<byte[]> toHttp(Response response) {
        MutableHttpResponse<byte[]> http = HttpResponse.status(io.micronaut.http.HttpStatus.valueOf(response.getStatusCode()));
        if (response.getHeaders() != null) {
            response.getHeaders().forEach((name, values) -> values.forEach(v -> http.header(name, v)));
        }
        if (response.getContentType() != null) {
            http.contentType(response.getContentType());
        }
        if (response.getBody() != null) {
            http.body(encoded(response.getBody()));
        }
        return http;
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

    /** The headers Bolt and the slash-command form read (Slack's retries, the proxy's client address, the type). */
    private static final String[] BOLT_HEADERS = {"x-slack-retry-num", "x-slack-retry-reason", "x-forwarded-for",
        "content-type"};

    /**
     * Only what Bolt and the slash-command form read of the headers: copying every header, lower-cased, was 3.6% of
     * an acked request's CPU in the benchmark's profile.
     */
    private static Map<String, List<String>> headersOf(HttpRequest<?> request) {
        Map<String, List<String>> headers = new HashMap<>(8);
        for (String name : BOLT_HEADERS) {
            List<String> values = request.getHeaders().getAll(name);
            if (!values.isEmpty()) {
                headers.put(name, values);
            }
        }
        return headers;
    }

    private static Map<String, List<String>> queryOf(HttpRequest<?> request) {
        Map<String, List<String>> query = new LinkedHashMap<>();
        request.getParameters().forEach((name, values) -> query.put(name, values));
        return query;
    }

    /** Slack sends UTF-8; a charset parameter on the content type is honoured, anything unknown falls back to UTF-8. */
    private static Charset charsetOf(HttpRequest<?> request) {
        String type = request.getHeaders().get(HttpHeaders.CONTENT_TYPE);
        if (type == null || type.indexOf(';') < 0) {
            return StandardCharsets.UTF_8; // no parameters, as Slack sends it: no need to parse the media type
        }
        try {
            return request.getContentType().flatMap(MediaType::getCharset).orElse(StandardCharsets.UTF_8);
        } catch (RuntimeException e) {
            LOG.debug("Unknown charset on a Slack request; reading it as UTF-8");
            return StandardCharsets.UTF_8;
        }
    }
}
