package dev.flightdeck.web.delivery;

import dev.flightdeck.metrics.DeliveryFigures;
import dev.flightdeck.metrics.DeliveryMetrics;
import dev.flightdeck.metrics.DeliveryReport;
import dev.flightdeck.metrics.UnknownServiceException;
import dev.flightdeck.web.charts.SvgCharts;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code /delivery?service=&days=}: the delivery figures per service and overall, with inline SVG charts. */
@Controller("/delivery")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
public class DeliveryPageController {

    static final int DEFAULT_DAYS = 30;
    static final int MAX_DAYS = 365;

    private final DeliveryMetrics metrics;

    public DeliveryPageController(DeliveryMetrics metrics) {
        this.metrics = metrics;
    }

    /** One table row: a scope ("All services" or a service) and its figures as text. */
    public record FigureRow(String scope, String link, String deploys, String perWeek, String changeFailureRate,
                            String leadTimeMedian, String leadTimeP90, String timeToRestore) {
    }

    @Get(produces = MediaType.TEXT_HTML)
    public HttpResponse<?> page(@Nullable @QueryValue String service, @Nullable @QueryValue String days) {
        String svc = service == null ? "" : service.trim();
        String daysText = days == null || days.isBlank() ? String.valueOf(DEFAULT_DAYS) : days.trim();
        Map<String, Object> model = new HashMap<>();
        model.put("service", svc);
        model.put("days", daysText);
        model.put("services", metrics.services());
        Optional<Integer> n = parseDays(daysText);
        if (n.isEmpty()) {
            return problem(model, "Days is a whole number from 1 to " + MAX_DAYS + "; \"" + daysText + "\" is not.");
        }
        DeliveryReport report;
        try {
            report = metrics.lastDays(svc.isEmpty() ? Optional.empty() : Optional.of(svc), n.get());
        } catch (UnknownServiceException e) {
            return problem(model, "There is no service \"" + e.service() + "\"; choose one of: "
                    + String.join(", ", e.known()) + ".");
        }
        List<FigureRow> rows = new ArrayList<>();
        rows.add(row("All services", "/delivery?days=" + n.get(), report.overall()));
        report.services().forEach(s -> rows.add(row(s.service(), "/delivery?service=" + s.service() + "&days=" + n.get(), s.figures())));
        model.put("problem", null);
        model.put("rows", rows);
        model.put("scope", svc.isEmpty() ? "all services" : svc);
        model.put("period", report.period().firstDay() + " to " + report.period().lastDay());
        model.put("environments", String.join(", ", report.environments()));
        model.put("deploysChart", SvgCharts.deploys(report));
        model.put("leadTimeChart", SvgCharts.leadTime(report));
        return HttpResponse.ok(new ModelAndView<>("delivery", model));
    }

    private static HttpResponse<?> problem(Map<String, Object> model, String text) {
        model.put("problem", text);
        model.put("rows", List.of());
        model.put("scope", "");
        model.put("period", "");
        model.put("environments", "");
        model.put("deploysChart", "");
        model.put("leadTimeChart", "");
        return HttpResponse.badRequest(new ModelAndView<>("delivery", model));
    }

    private static Optional<Integer> parseDays(String text) {
        try {
            int d = Integer.parseInt(text);
            return d >= 1 && d <= MAX_DAYS ? Optional.of(d) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static FigureRow row(String scope, String link, DeliveryFigures f) {
        return new FigureRow(scope, link, String.valueOf(f.deploys()), String.format(java.util.Locale.ROOT, "%.1f", f.deploysPerWeek()),
                f.changeFailureRate().map(r -> Math.round(r * 100) + "%").orElse("no changes"),
                f.leadTimeMedian().map(DeliveryPageController::human).orElse("—"),
                f.leadTimeP90().map(DeliveryPageController::human).orElse("—"),
                f.timeToRestoreMedian().map(DeliveryPageController::human).orElse("—"));
    }

    private static String human(java.time.Duration d) {
        return dev.flightdeck.incident.summary.IncidentSummary.human(d);
    }
}
