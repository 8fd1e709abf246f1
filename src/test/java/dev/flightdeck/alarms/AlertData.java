package dev.flightdeck.alarms;

import java.net.URI;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** Test data for alerts and episodes: {@code AlertData.alarm("shop-prod-5xx").in("shop", "prod").at(t).build()}. */
public final class AlertData {

    private String source = "cloudwatch";
    private String name;
    private String key;
    private String service = "shop";
    private String environment = "prod";
    private AlertState state = AlertState.ALARM;
    private String reason = "Threshold Crossed: 1 datapoint [12.0] was greater than the threshold (5.0)";
    private Instant at = Instant.parse("2026-12-07T10:00:00Z");
    private Optional<MetricRef> graph = Optional.of(new MetricRef("AWS/ApplicationELB", "HTTPCode_Target_5XX_Count",
            Map.of("LoadBalancer", "app/shop-prod/50dc6c495c0c9188"), "Sum"));
    private String eventId = "evt-1";

    private AlertData(String name) {
        this.name = name;
        this.key = "arn:aws:cloudwatch:us-east-1:123456789012:alarm:" + name;
    }

    public static AlertData alarm(String name) {
        return new AlertData(name);
    }

    public AlertData in(String service, String environment) {
        this.service = service;
        this.environment = environment;
        return this;
    }

    public AlertData state(AlertState state) {
        this.state = state;
        return this;
    }

    public AlertData ok() {
        return state(AlertState.OK);
    }

    public AlertData noData() {
        return state(AlertState.INSUFFICIENT_DATA);
    }

    public AlertData reason(String reason) {
        this.reason = reason;
        return this;
    }

    public AlertData at(Instant at) {
        this.at = at;
        return this;
    }

    public AlertData key(String key) {
        this.key = key;
        return this;
    }

    public AlertData source(String source) {
        this.source = source;
        return this;
    }

    public AlertData noGraph() {
        this.graph = Optional.empty();
        return this;
    }

    public AlertData event(String eventId) {
        this.eventId = eventId;
        return this;
    }

    public Alert build() {
        return new Alert(source, key, name, service, environment, state, reason,
                Optional.of("AWS/ApplicationELB HTTPCode_Target_5XX_Count Sum over 1 minute"),
                Optional.of("> 5.0"), at, Optional.of(URI.create("https://wiki.example.com/runbooks/shop")),
                Optional.of(URI.create("https://us-east-1.console.aws.amazon.com/cloudwatch/home?region=us-east-1"
                        + "#alarmsV2:alarm/" + name)), graph, eventId);
    }
}
