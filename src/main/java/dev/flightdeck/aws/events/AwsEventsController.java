package dev.flightdeck.aws.events;

import dev.flightdeck.text.Texts;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * {@code POST /hooks/aws/events}: Amazon EventBridge events delivered by an API destination (DESIGN section 13).
 * The connection sends {@code X-Flightdeck-Token}; anything else gets 401 before the body is read. Each event is
 * taken once across replicas (by its id), and the route for its {@code detail-type} and {@code source} does the
 * rest; types no route takes are answered 202 "ignored", which EventBridge does not retry.
 *
 * <p>No token configured: 503, saying so. EventBridge retries a 5xx for up to 24 hours, so events sent while an
 * operator has wired the rule but not yet set FLIGHTDECK_AWS_EVENTS_TOKEN arrive once it is set; a 404 would drop
 * them for good.
 */
@Controller("/hooks/aws")
@ExecuteOn(TaskExecutors.BLOCKING)
public class AwsEventsController {

    /** EventBridge's largest event (256 KB): anything bigger was not sent by it. */
    static final int MAX_BODY = 256 * 1024;
    static final int MAX_TYPE_SHOWN = 100;
    private static final Logger LOG = LoggerFactory.getLogger(AwsEventsController.class);

    private final AwsEventsToken token;
    private final RejectedAwsEvents rejected;
    private final SeenAwsEvents seen;
    private final AwsEventHandOff handOff;
    private final List<AwsEventRoute> routes;
    private final Clock clock;

    public AwsEventsController(AwsEventsToken token, RejectedAwsEvents rejected, SeenAwsEvents seen,
                               AwsEventHandOff handOff, List<AwsEventRoute> routes, Clock clock) {
        this.token = token;
        this.rejected = rejected;
        this.seen = seen;
        this.handOff = handOff;
        this.routes = List.copyOf(routes);
        this.clock = clock;
    }

    @Post(uri = "/events", consumes = {MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN}, produces = MediaType.TEXT_PLAIN)
    public HttpResponse<String> events(@Nullable @Body byte[] body,
                                       @Nullable @Header(AwsEventsToken.HEADER) String given) {
        if (!token.configured()) {
            rejected.record(RejectedAwsEvents.Reason.NOT_CONFIGURED);
            return answer(HttpStatus.SERVICE_UNAVAILABLE,
                    "AWS events are not configured here: set FLIGHTDECK_AWS_EVENTS_TOKEN");
        }
        if (given == null || given.isBlank()) {
            rejected.record(RejectedAwsEvents.Reason.MISSING_TOKEN);
            return answer(HttpStatus.UNAUTHORIZED, "missing X-Flightdeck-Token");
        }
        if (!token.matches(given)) {
            rejected.record(RejectedAwsEvents.Reason.WRONG_TOKEN);
            return answer(HttpStatus.UNAUTHORIZED, "wrong X-Flightdeck-Token");
        }
        if (body == null || body.length == 0) {
            return answer(HttpStatus.BAD_REQUEST, "no body: expected an EventBridge event as JSON");
        }
        if (body.length > MAX_BODY) {
            return answer(HttpStatus.REQUEST_ENTITY_TOO_LARGE,
                    "the body is over " + MAX_BODY / 1024 + " KB, EventBridge's largest event");
        }
        AwsEvent event;
        try {
            event = AwsEvent.parse(new String(body, StandardCharsets.UTF_8));
        } catch (AwsEvent.Malformed e) {
            return answer(HttpStatus.BAD_REQUEST, e.getMessage());
        }
        Optional<AwsEventRoute> route = routes.stream()
                .filter(r -> r.detailType().equals(event.detailType()) && r.source().equals(event.source()))
                .findFirst();
        if (route.isEmpty()) {
            LOG.debug("Ignored AWS event {} {}: no route", shown(event.detailType()), event.id());
            return answer(HttpStatus.ACCEPTED, "ignored: " + shown(event.detailType())
                    + (event.source().isEmpty() ? "" : " from " + shown(event.source())));
        }
        AwsEventRoute.Plan plan = route.get().plan(event);
        switch (plan.kind()) {
            case INVALID -> {
                return answer(HttpStatus.BAD_REQUEST, plan.text());
            }
            case IGNORED -> {
                LOG.debug("Ignored AWS event {} {}: {}", event.detailType(), event.id(), plan.text());
                return answer(HttpStatus.ACCEPTED, "ignored: " + plan.text());
            }
            default -> {
            }
        }
        if (!seen.firstTime(event.id(), clock.instant())) {
            return answer(HttpStatus.OK, "already seen: " + event.id());
        }
        LOG.info("AWS event {} {} for {}", event.detailType(), event.id(), shown(plan.name()));
        return switch (handOff.run(event, plan)) {
            case DONE, RUNNING -> answer(HttpStatus.ACCEPTED, plan.text());
            case FAILED -> answer(HttpStatus.INTERNAL_SERVER_ERROR,
                    "could not handle event " + event.id() + " now; a retry will be taken");
        };
    }

    /** A value from the event, made safe to repeat in an answer or a log line: one line, printable, short. */
    static String shown(String value) {
        return Texts.oneLine(value, MAX_TYPE_SHOWN);
    }

    private static HttpResponse<String> answer(HttpStatus status, String text) {
        return HttpResponse.<String>status(status).body(text);
    }
}
