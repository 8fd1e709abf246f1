package dev.flightdeck.alerts;

import dev.flightdeck.alarms.Alert;
import dev.flightdeck.alarms.AlertIntake;
import dev.flightdeck.team.TeamConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code POST /hooks/alerts/{source}} for Grafana, New Relic and Sentry (see the package). The token is checked
 * before the body is read; each alert of the delivery is matched to a service and environment and handed to the
 * alert intake, which posts it like a CloudWatch alarm. The answer has one line per alert saying what became of it:
 * 200 when any was taken, 202 when none was (nothing matched, or nothing to post), so the monitor does not retry.
 *
 * <p>No token configured: 503, saying so; the monitors retry a 5xx, so alerts sent before the operator set
 * FLIGHTDECK_ALERTS_TOKEN still arrive once it is set.
 */
@Controller("/hooks/alerts")
@ExecuteOn(TaskExecutors.BLOCKING)
public class AlertsController {

    /** Larger than any one delivery of these monitors (Sentry's event with its stack trace is the largest). */
    static final int MAX_BODY = 1024 * 1024;
    static final String METRIC = "flightdeck.alerts.received";
    private static final Logger LOG = LoggerFactory.getLogger(AlertsController.class);

    private final AlertsToken token;
    private final RejectedAlerts rejected;
    private final AlertIntake intake;
    private final TeamConfig team;
    private final MeterRegistry registry;
    private final Clock clock;

    public AlertsController(AlertsToken token, RejectedAlerts rejected, AlertIntake intake, TeamConfig team,
                            MeterRegistry registry, Clock clock) {
        this.token = token;
        this.rejected = rejected;
        this.intake = intake;
        this.team = team;
        this.registry = registry;
        this.clock = clock;
    }

    @Post(uri = "/{source}", consumes = {MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN},
            produces = MediaType.TEXT_PLAIN)
    public HttpResponse<String> alerts(@PathVariable String source, @Nullable @Body byte[] body,
                                       @Nullable @Header(HttpHeaders.AUTHORIZATION) String authorization,
                                       @Nullable @Header(AlertsToken.SENTRY_SIGNATURE) String sentrySignature) {
        Optional<MonitorSource> monitor = MonitorSource.of(source);
        if (monitor.isEmpty()) {
            return answer(HttpStatus.NOT_FOUND, "unknown alert source " + Shown.of(source) + ": known are "
                    + MonitorSource.known());
        }
        MonitorSource from = monitor.get();
        if (!token.configured()) {
            rejected.record(from, RejectedAlerts.Reason.NOT_CONFIGURED);
            return answer(HttpStatus.SERVICE_UNAVAILABLE,
                    "alerts from monitors are not configured here: set FLIGHTDECK_ALERTS_TOKEN");
        }
        AlertsToken.Check check = token.check(authorization, from == MonitorSource.SENTRY ? sentrySignature : null,
                body);
        if (check == AlertsToken.Check.MISSING) {
            rejected.record(from, RejectedAlerts.Reason.MISSING_TOKEN);
            return refused("missing Authorization: Bearer <FLIGHTDECK_ALERTS_TOKEN>"
                    + (from == MonitorSource.SENTRY ? " (or Sentry-Hook-Signature)" : ""));
        }
        if (check == AlertsToken.Check.WRONG) {
            rejected.record(from, RejectedAlerts.Reason.WRONG_TOKEN);
            return refused(authorization != null ? "wrong bearer token" : "wrong Sentry-Hook-Signature");
        }
        if (body == null || body.length == 0) {
            return answer(HttpStatus.BAD_REQUEST, "no body: expected " + from.expected() + " as JSON");
        }
        if (body.length > MAX_BODY) {
            return answer(HttpStatus.REQUEST_ENTITY_TOO_LARGE, "the body is over " + MAX_BODY / 1024 + " KB");
        }
        List<Reading> readings;
        try {
            readings = from.read(new String(body, StandardCharsets.UTF_8), clock.instant());
        } catch (Reading.Malformed e) {
            return answer(HttpStatus.BAD_REQUEST, e.getMessage());
        }
        if (readings.isEmpty()) {
            return answer(HttpStatus.ACCEPTED, "ignored: no alerts in this delivery");
        }
        List<String> lines = new ArrayList<>();
        boolean taken = false;
        for (Reading reading : readings) {
            if (reading instanceof Reading.Skipped s) {
                lines.add(ignored(from, s.name(), s.why()));
                continue;
            }
            Reading.Reported r = (Reading.Reported) reading;
            AlertMatcher.Match match = AlertMatcher.match(r, team);
            if (match instanceof AlertMatcher.Match.Unmatched u) {
                lines.add(ignored(from, u.name(), u.why()));
                continue;
            }
            Alert alert = ((AlertMatcher.Match.Matched) match).alert();
            AlertIntake.Result result;
            try {
                result = intake.receive(alert);
            } catch (RuntimeException e) {
                LOG.error("Could not take the {} alert {} for {} in {}", from.path(), Shown.of(r.name()),
                        alert.service(), alert.environment(), e);
                return answer(HttpStatus.INTERNAL_SERVER_ERROR, "could not take " + Shown.of(r.name())
                        + " now; a retry will be taken");
            }
            String what = alert.service() + " in " + alert.environment() + ", " + alert.state() + " "
                    + Shown.of(r.name());
            if (result instanceof AlertIntake.Ignored i) {
                lines.add(ignored(from, r.name(), i.why()));
            } else {
                taken = true;
                registry.counter(METRIC, "source", from.path(), "outcome", "taken").increment();
                LOG.info("Alert from {}: {}", from.path(), what);
                lines.add(taken(result) + ": " + what);
            }
        }
        return answer(taken ? HttpStatus.OK : HttpStatus.ACCEPTED, String.join("\n", lines));
    }

    private String ignored(MonitorSource from, String name, String why) {
        registry.counter(METRIC, "source", from.path(), "outcome", "ignored").increment();
        return "ignored: " + Shown.of(name) + ": " + why;
    }

    private static String taken(AlertIntake.Result result) {
        if (result instanceof AlertIntake.OnTimeline t) {
            return "on the timeline of incident " + t.incidentId();
        }
        return result instanceof AlertIntake.Updated ? "updated" : "posted";
    }

    private static HttpResponse<String> refused(String text) {
        return HttpResponse.<String>status(HttpStatus.UNAUTHORIZED).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .body(text);
    }

    private static HttpResponse<String> answer(HttpStatus status, String text) {
        return HttpResponse.<String>status(status).body(text);
    }
}
