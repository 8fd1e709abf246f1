package dev.flightdeck.slack.edge;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.annotation.ExecuteOn;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Micronaut route for Slack requests: hands the raw bytes to {@link SlackEdge} and copies its answer back. Most
 * requests are answered before they get here, by the Netty fast path (see {@code slack.edge.FastSlackEdge}); this route
 * takes the rest (a connection with another request still in Micronaut's hands, a 100-continue, other content types,
 * which it refuses with 415, and everything when the fast path is switched off).
 */
@Controller
public class SlackEventsController {

    /** The fixed pool configured in application.yml (micronaut.executors.slack-acks). */
    public static final String ACK_EXECUTOR = "slack-acks";
    /** Where Slack sends every request (the app's request URLs in manifest.yml). */
    public static final String PATH = "/slack/events";

    private final SlackEdge edge;

    public SlackEventsController(SlackEdge edge) {
        this.edge = edge;
    }

    @Post(uri = PATH, consumes = {MediaType.APPLICATION_FORM_URLENCODED, MediaType.APPLICATION_JSON},
            produces = MediaType.APPLICATION_JSON)
    @ExecuteOn(ACK_EXECUTOR)
    public HttpResponse<?> events(HttpRequest<?> request, @Body byte[] body) {
        SlackEdge.Answer answer = edge.handle(request.getPath(), queryOf(request),
                SlackEdge.headers(request.getHeaders()::getAll), body,
                request.getRemoteAddress().getAddress().getHostAddress());
        MutableHttpResponse<byte[]> http = HttpResponse.status(HttpStatus.valueOf(answer.status()));
        answer.headers().forEach((name, values) -> values.forEach(v -> http.header(name, v)));
        if (answer.contentType() != null) {
            http.contentType(answer.contentType());
        }
        return answer.body() == null ? http : http.body(answer.body());
    }

    private static Map<String, List<String>> queryOf(HttpRequest<?> request) {
        Map<String, List<String>> query = new LinkedHashMap<>();
        request.getParameters().forEach(query::put);
        return query;
    }
}
