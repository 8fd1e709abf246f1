package dev.flightdeck.aws;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.flightdeck.alarms.MetricRef;

import java.util.Optional;

/**
 * The {@code MetricWidget} JSON that {@code GetMetricWidgetImage} draws, for one metric's last 3 hours (AWS's
 * "GetMetricWidgetImage: Metric Widget Structure and Syntax"): the metric as {@code [namespace, name, dimension,
 * value, …, {stat, period}]}, {@code start} -PT3H, the alarm's threshold as a horizontal annotation, the alarm's name
 * as the title, 600 by 300 pixels: the width of a Slack thread on a laptop, readable on a phone.
 */
final class MetricWidget {

    static final String LAST_3_HOURS = "-PT3H";
    /** One point a minute: 180 points over 3 hours, the finest period standard-resolution metrics keep. */
    static final int PERIOD_SECONDS = 60;
    static final int WIDTH = 600;
    static final int HEIGHT = 300;

    private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();

    private MetricWidget() {
    }

    static String lastThreeHours(MetricRef metric, String title, Optional<Double> threshold) {
        JsonArray line = new JsonArray();
        line.add(metric.namespace());
        line.add(metric.metric());
        metric.dimensions().forEach((name, value) -> {
            line.add(name);
            line.add(value);
        });
        JsonObject rendering = new JsonObject();
        rendering.addProperty("stat", metric.stat());
        rendering.addProperty("period", PERIOD_SECONDS);
        line.add(rendering);
        JsonArray metrics = new JsonArray();
        metrics.add(line);

        JsonObject widget = new JsonObject();
        widget.add("metrics", metrics);
        widget.addProperty("view", "timeSeries");
        widget.addProperty("stacked", false);
        widget.addProperty("start", LAST_3_HOURS);
        widget.addProperty("period", PERIOD_SECONDS);
        widget.addProperty("stat", metric.stat());
        widget.addProperty("title", title);
        widget.addProperty("width", WIDTH);
        widget.addProperty("height", HEIGHT);
        // JSON has no NaN or infinity; a threshold that is not a number is not drawn rather than breaking the picture.
        threshold.filter(Double::isFinite).ifPresent(value -> {
            JsonObject thresholdLine = new JsonObject();
            thresholdLine.addProperty("label", "threshold");
            thresholdLine.addProperty("value", value);
            JsonArray horizontal = new JsonArray();
            horizontal.add(thresholdLine);
            JsonObject annotations = new JsonObject();
            annotations.add("horizontal", horizontal);
            widget.add("annotations", annotations);
        });
        return GSON.toJson(widget);
    }
}
