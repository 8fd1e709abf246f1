package dev.flightdeck.testing;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * What CloudWatch's GetMetricWidgetImage accepts as a {@code MetricWidget}, from AWS's "GetMetricWidgetImage: Metric
 * Widget Structure and Syntax": 1–100 metrics, each {@code [namespace, name, (dimension, value)*, {options}?]};
 * {@code start}/{@code end} relative (-PT3H) or absolute; width and height 1–2000; period 1, 5, 10, 30 or a multiple
 * of 60; a known statistic; horizontal annotations with a numeric {@code value}. Used by {@link FakeCloudWatchWidgets}.
 */
final class MetricWidgetRules {

    private MetricWidgetRules() {
    }

    static boolean valid(JsonObject w) {
        if (!(w.get("metrics") instanceof JsonArray metrics) || metrics.isEmpty() || metrics.size() > 100) {
            return false;
        }
        for (JsonElement m : metrics) {
            if (!validMetric(m)) {
                return false;
            }
        }
        for (String key : List.of("width", "height")) {
            if (w.has(key) && (!isNumber(w.get(key)) || w.get(key).getAsInt() < 1 || w.get(key).getAsInt() > 2000)) {
                return false;
            }
        }
        if (w.has("start") && !validTime(w.get("start")) || w.has("end") && !validTime(w.get("end"))
                || w.has("period") && !validPeriod(w.get("period")) || w.has("stat") && !validStat(w.get("stat"))) {
            return false;
        }
        if (w.has("annotations")) {
            if (!(w.get("annotations") instanceof JsonObject a)) {
                return false;
            }
            if (a.has("horizontal")) {
                if (!(a.get("horizontal") instanceof JsonArray lines)) {
                    return false;
                }
                for (JsonElement line : lines) {
                    if (!(line instanceof JsonObject o) || !isNumber(o.get("value"))) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    /** [namespace, metric name, (dimension name, value)*, {options}?]: strings in pairs after the first two. */
    private static boolean validMetric(JsonElement m) {
        if (!(m instanceof JsonArray line) || line.isEmpty()) {
            return false;
        }
        int strings = line.size();
        if (line.get(line.size() - 1).isJsonObject()) {
            strings--;
        }
        if (strings < 2 || strings % 2 != 0) {
            return false;
        }
        for (int i = 0; i < strings; i++) {
            if (!line.get(i).isJsonPrimitive() || !line.get(i).getAsJsonPrimitive().isString()
                    || line.get(i).getAsString().isEmpty()) {
                return false;
            }
        }
        if (strings < line.size()) {
            JsonObject options = line.get(line.size() - 1).getAsJsonObject();
            return (!options.has("period") || validPeriod(options.get("period")))
                    && (!options.has("stat") || validStat(options.get("stat")));
        }
        return true;
    }

    /** 1, 5, 10, 30 (high resolution), 60 and any multiple of 60 seconds. */
    private static boolean validPeriod(JsonElement p) {
        if (!isNumber(p) || p.getAsDouble() != Math.rint(p.getAsDouble())) {
            return false;
        }
        int seconds = p.getAsInt();
        return seconds == 1 || seconds == 5 || seconds == 10 || seconds == 30 || (seconds >= 60 && seconds % 60 == 0);
    }

    /** SampleCount, Average, Sum, Minimum, Maximum, or an extended statistic such as p99, p99.9, tm90, IQM. */
    private static boolean validStat(JsonElement s) {
        return s.isJsonPrimitive() && s.getAsJsonPrimitive().isString()
                && s.getAsString().matches("SampleCount|Average|Sum|Minimum|Maximum|IQM|[a-zA-Z]{1,2}\\d{1,2}(\\.\\d+)?"
                + "|[A-Z]{2}\\(.+\\)");
    }

    private static boolean validTime(JsonElement t) {
        if (!t.isJsonPrimitive() || !t.getAsJsonPrimitive().isString()) {
            return false;
        }
        String s = t.getAsString();
        try {
            if (s.startsWith("-P") || s.startsWith("P")) {
                Duration.parse(s);
                return true;
            }
            Instant.parse(s);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static boolean isNumber(JsonElement e) {
        return e != null && e.isJsonPrimitive() && e.getAsJsonPrimitive().isNumber();
    }
}
