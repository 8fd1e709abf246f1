package dev.flightdeck.aws.events;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import dev.flightdeck.alarms.AlertState;
import dev.flightdeck.alarms.MetricRef;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a "CloudWatch Alarm State Change" event says, as people read it: the alarm, its new state and CloudWatch's
 * reason, since when, the metric it watches ({@code AWS/EC2 CPUUtilization (InstanceId=i-1…) Average per 5 minutes},
 * a metric-math expression with its label, or a composite alarm's rule) and its threshold ({@code > 50.0}, from the
 * reason's words and {@code reasonData.threshold}; the event's configuration does not carry it). {@code graph} is the
 * metric when the alarm watches exactly one.
 */
record CloudWatchAlarmEvent(String name, String arn, AlertState state, String reason, Optional<Instant> at,
                            Optional<String> metric, Optional<String> threshold, Optional<MetricRef> graph) {

    /** CloudWatch writes state timestamps as {@code 2019-10-02T17:04:40.989+0000}. */
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");
    private static final Pattern COMPARED = Pattern.compile(
            "was (?:not )?(greater than or equal to|greater than|less than or equal to|less than) the threshold");

    /** Why the event is not a state change Flightdeck can read: the words of the 400 answer. */
    static final class Unreadable extends Exception {
        Unreadable(String why) {
            super(why, null, false, false);
        }
    }

    static CloudWatchAlarmEvent parse(AwsEvent event) throws Unreadable {
        String name = event.detail("alarmName").filter(n -> !n.isBlank())
                .orElseThrow(() -> new Unreadable("a CloudWatch Alarm State Change without detail.alarmName"));
        String value = event.detail("state.value")
                .orElseThrow(() -> new Unreadable("a CloudWatch Alarm State Change without detail.state.value"));
        AlertState state;
        try {
            state = AlertState.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw new Unreadable("detail.state.value is not OK, ALARM or INSUFFICIENT_DATA");
        }
        String arn = event.resources().stream().filter(r -> r.startsWith("arn:") && r.contains(":alarm:")).findFirst()
                .orElse("arn:aws:cloudwatch:" + event.region() + ":" + event.account() + ":alarm:" + name);
        String reason = event.detail("state.reason").orElse("");
        Optional<Instant> at = event.detail("state.timestamp").flatMap(CloudWatchAlarmEvent::instant).or(event::time);
        JsonObject configuration = object(event.detail(), "configuration");
        Optional<String> rule = AwsEvent.text(configuration, "alarmRule");
        List<JsonObject> metrics = new ArrayList<>();
        JsonElement list = configuration.get("metrics");
        if (list instanceof JsonArray array) {
            array.forEach(m -> {
                if (m.isJsonObject()) {
                    metrics.add(m.getAsJsonObject());
                }
            });
        }
        Optional<MetricRef> graph = metrics.size() == 1 ? stat(metrics.get(0)) : Optional.empty();
        Optional<String> metric = rule.map(r -> "composite of " + r).or(() -> described(metrics));
        Optional<String> threshold = rule.isPresent() ? Optional.empty()
                : threshold(reason, event.detail("state.reasonData").orElse(""));
        return new CloudWatchAlarmEvent(name, arn, state, reason, at, metric, threshold, graph);
    }

    /** The metric a {@code metricStat} names, with its dimensions and statistic. */
    private static Optional<MetricRef> stat(JsonObject query) {
        JsonObject stat = object(query, "metricStat");
        JsonObject metric = object(stat, "metric");
        Optional<String> namespace = AwsEvent.text(metric, "namespace");
        Optional<String> name = AwsEvent.text(metric, "name");
        if (namespace.isEmpty() || name.isEmpty()) {
            return Optional.empty();
        }
        Map<String, String> dimensions = new LinkedHashMap<>();
        object(metric, "dimensions").entrySet().forEach(d -> {
            if (d.getValue().isJsonPrimitive()) {
                dimensions.put(d.getKey(), d.getValue().getAsString());
            }
        });
        return Optional.of(new MetricRef(namespace.get(), name.get(), dimensions,
                AwsEvent.text(stat, "stat").orElse(null)));
    }

    /** What the alarm evaluates: the query whose data it returns (an expression with its label, or a metric). */
    private static Optional<String> described(List<JsonObject> metrics) {
        List<JsonObject> returned = metrics.stream()
                .filter(m -> !m.has("returnData") || m.get("returnData").getAsBoolean()).toList();
        for (JsonObject m : returned.isEmpty() ? metrics : returned) {
            Optional<String> expression = AwsEvent.text(m, "expression");
            if (expression.isPresent()) {
                return Optional.of(AwsEvent.text(m, "label").map(l -> l + " = ").orElse("") + expression.get());
            }
        }
        for (JsonObject m : returned.isEmpty() ? metrics : returned) {
            Optional<MetricRef> ref = stat(m);
            if (ref.isPresent()) {
                MetricRef r = ref.get();
                String dims = r.dimensions().isEmpty() ? "" : " (" + String.join(", ", r.dimensions().entrySet()
                        .stream().map(d -> d.getKey() + "=" + d.getValue()).toList()) + ")";
                String period = object(m, "metricStat").has("period")
                        ? " per " + period(object(m, "metricStat").get("period").getAsLong()) : "";
                return Optional.of(r.namespace() + " " + r.metric() + dims + " " + r.stat() + period);
            }
        }
        return Optional.empty();
    }

    static String period(long seconds) {
        Duration d = Duration.ofSeconds(seconds);
        if (seconds % 3600 == 0) {
            return d.toHours() == 1 ? "hour" : d.toHours() + " hours";
        }
        if (seconds % 60 == 0) {
            return d.toMinutes() == 1 ? "minute" : d.toMinutes() + " minutes";
        }
        return seconds + " seconds";
    }

    /** {@code > 50.0}: the comparison from the reason's words, the number from reasonData (else the reason). */
    static Optional<String> threshold(String reason, String reasonData) {
        Optional<String> number = Optional.empty();
        try {
            JsonElement data = JsonParser.parseString(reasonData);
            if (data.isJsonObject() && data.getAsJsonObject().has("threshold")
                    && data.getAsJsonObject().get("threshold").isJsonPrimitive()) {
                number = Optional.of(new BigDecimal(data.getAsJsonObject().get("threshold").getAsString())
                        .toPlainString());
            }
        } catch (JsonParseException | NumberFormatException | IllegalStateException e) {
            number = Optional.empty();
        }
        Matcher m = COMPARED.matcher(reason);
        boolean compared = m.find();
        if (number.isEmpty() && compared) {
            Matcher n = Pattern.compile("the threshold \\(([-+0-9.Ee]+)\\)").matcher(reason);
            number = n.find() ? Optional.of(n.group(1)) : Optional.empty();
        }
        if (number.isEmpty()) {
            return Optional.empty();
        }
        String sign = !compared ? "" : switch (m.group(1)) {
            case "greater than" -> "> ";
            case "greater than or equal to" -> "≥ ";
            case "less than" -> "< ";
            default -> "≤ ";
        };
        return Optional.of(sign + number.get());
    }

    private static Optional<Instant> instant(String text) {
        try {
            return Optional.of(OffsetDateTime.parse(text, STAMP).toInstant());
        } catch (DateTimeParseException e) {
            try {
                return Optional.of(Instant.parse(text));
            } catch (DateTimeParseException again) {
                return Optional.empty();
            }
        }
    }

    private static JsonObject object(JsonObject parent, String name) {
        JsonElement e = parent == null ? null : parent.get(name);
        return e != null && e.isJsonObject() ? e.getAsJsonObject() : new JsonObject();
    }
}
