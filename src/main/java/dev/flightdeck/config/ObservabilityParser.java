package dev.flightdeck.config;

import dev.flightdeck.alarms.MetricMath;
import dev.flightdeck.alarms.MetricRef;
import dev.flightdeck.alarms.SloSeries;
import dev.flightdeck.alarms.SloSettings;
import dev.flightdeck.envconfig.LogSettings;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import static dev.flightdeck.config.ErrorSink.show;

/** flightdeck.services.NAME: runbook, logs and slo (DESIGN section 13). */
final class ObservabilityParser {

    private static final Duration MIN_WINDOW = Duration.ofDays(1);
    private static final Duration MAX_WINDOW = Duration.ofDays(90);
    private static final Pattern NAME = Pattern.compile("[a-z][a-zA-Z0-9_]*");

    private ObservabilityParser() {
    }

    /** {@code runbook: https://…}: the link an alarm's Runbook button opens when the alarm has no runbook tag. */
    static Optional<URI> runbook(Section s) {
        if (!s.has("runbook")) {
            return Optional.empty();
        }
        return BuildBackendParser.url(s, "runbook").flatMap(BuildBackendParser::httpUrl);
    }

    /** {@code logs: { groups: ["/ecs/commons-{env}"] }}. */
    static Optional<LogSettings> logs(Section l) {
        l.allowOnly(Set.of("groups"));
        List<String> groups = l.stringList("groups").orElse(List.of());
        if (groups.isEmpty()) {
            l.error("groups", "is required: the CloudWatch Logs groups to search, e.g. [\"/ecs/commons-{env}\"]");
            return Optional.empty();
        }
        groups.forEach(g -> BuildBackendParser.checkPlaceholders(l, "groups", g));
        return Optional.of(new LogSettings(groups));
    }

    /** {@code slo: { objective: 99.9%, window: 28d, good: {metric or metric math}, total: {metric or metric math} }}. */
    static Optional<SloSettings> slo(Section s) {
        s.allowOnly(Set.of("objective", "window", "good", "total"));
        Optional<Double> objective = objective(s);
        Duration window = s.duration("window").orElse(Duration.ofDays(28));
        if (window.compareTo(MIN_WINDOW) < 0 || window.compareTo(MAX_WINDOW) > 0) {
            s.error("window", "must be between 1d and 90d (CloudWatch keeps minute data 15 days and hourly 63 days: "
                    + "longer windows read hourly sums), got " + show(s.raw("window")));
        }
        Optional<SloSeries> good = series(s, "good");
        Optional<SloSeries> total = series(s, "total");
        if (objective.isEmpty() || good.isEmpty() || total.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new SloSettings(objective.get(), window, good.get(), total.get()));
    }

    /** "99.9%", 99.9 or "99.9": a percentage strictly between 0 and 100, as a fraction. */
    private static Optional<Double> objective(Section s) {
        Object raw = s.raw("objective");
        if (raw == null) {
            s.error("objective", "is required: the promised share of good events, e.g. 99.9%");
            return Optional.empty();
        }
        String text = raw.toString().trim();
        if (text.endsWith("%")) {
            text = text.substring(0, text.length() - 1).trim();
        }
        try {
            BigDecimal percent = new BigDecimal(text);
            if (percent.compareTo(BigDecimal.ZERO) > 0 && percent.compareTo(BigDecimal.valueOf(100)) < 0) {
                return Optional.of(percent.movePointLeft(2).doubleValue());
            }
        } catch (NumberFormatException notANumber) {
            // said below
        }
        s.error("objective", "must be a percentage between 0 and 100 like 99.9%, got " + show(raw));
        return Optional.empty();
    }

    /** One metric, or {@code { expression: "total - errors", metrics: { total: {metric}, errors: {metric} } }}. */
    private static Optional<SloSeries> series(Section s, String key) {
        if (!s.has(key)) {
            s.error(key, "is required: a CloudWatch metric as { namespace, metric, dimensions, stat }, or metric "
                    + "math as { expression, metrics }");
            return Optional.empty();
        }
        return s.section(key).flatMap(m -> m.has("expression") || m.has("metrics")
                ? expression(m) : metric(m).map(SloSeries.One::new));
    }

    private static Optional<SloSeries> expression(Section m) {
        m.allowOnly(Set.of("expression", "metrics"));
        Optional<String> text = m.requiredString("expression");
        Map<String, MetricRef> named = new LinkedHashMap<>();
        List<String> known = new ArrayList<>();
        boolean complete = true;
        if (!m.has("metrics")) {
            m.error("metrics", "is required: the metrics the expression names, e.g. { total: {metric}, errors: {metric} }");
            complete = false;
        }
        Optional<Section> metrics = m.section("metrics");
        for (String name : metrics.map(Section::keys).orElse(Set.of())) {
            if (!NAME.matcher(name).matches()) {
                metrics.get().error(name, "a metric name must be a lowercase letter then letters, digits or _ "
                        + "(like total or errors_5xx)");
                complete = false;
                continue;
            }
            known.add(name);
            Optional<MetricRef> ref = metrics.get().section(name).flatMap(ObservabilityParser::metric);
            ref.ifPresent(r -> named.put(name, r));
            complete &= ref.isPresent();
        }
        if (metrics.isPresent() && metrics.get().keys().isEmpty()) {
            m.error("metrics", "must name at least one metric");
            return Optional.empty();
        }
        if (text.isEmpty() || metrics.isEmpty()) {
            return Optional.empty();
        }
        MetricMath math;
        try {
            math = MetricMath.parse(text.get(), known);
        } catch (MetricMath.Invalid e) {
            m.error("expression", e.getMessage());
            return Optional.empty();
        }
        for (String name : known) {
            if (!math.names().contains(name)) {
                m.error("metrics." + name, "is not used in the expression " + show(text.get()) + ": use it or remove it");
                complete = false;
            }
        }
        return complete ? Optional.of(new SloSeries.Expression(math, named)) : Optional.empty();
    }

    private static Optional<MetricRef> metric(Section m) {
        m.allowOnly(Set.of("namespace", "metric", "dimensions", "stat"));
        Optional<String> namespace = m.requiredString("namespace");
        Optional<String> metric = m.requiredString("metric");
        Map<String, String> dimensions = new LinkedHashMap<>();
        m.section("dimensions").ifPresent(d -> {
            for (String name : d.keys()) {
                d.string(name).ifPresent(v -> {
                    BuildBackendParser.checkPlaceholders(d, name, v);
                    dimensions.put(name, v);
                });
            }
        });
        String stat = m.string("stat").orElse("Sum");
        if (!Set.of("Sum", "SampleCount", "Average", "Minimum", "Maximum").contains(stat)) {
            m.error("stat", "must be one of Sum, SampleCount, Average, Minimum, Maximum, got " + show(stat));
        }
        if (namespace.isEmpty() || metric.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new MetricRef(namespace.get(), metric.get(), dimensions, stat));
    }
}
