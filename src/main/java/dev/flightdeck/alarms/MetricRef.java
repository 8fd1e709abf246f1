package dev.flightdeck.alarms;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One CloudWatch metric as the team file names it: {@code { namespace, metric, dimensions, stat }}; dimension values
 * may contain {env}. {@code stat} is a CloudWatch statistic (default {@code Sum}: SLOs count events).
 */
public record MetricRef(String namespace, String metric, Map<String, String> dimensions, String stat) {

    public MetricRef {
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(metric, "metric");
        dimensions = Collections.unmodifiableMap(new LinkedHashMap<>(dimensions));
        stat = stat == null || stat.isBlank() ? "Sum" : stat;
    }

    public MetricRef forEnv(String env) {
        Map<String, String> d = new LinkedHashMap<>();
        dimensions.forEach((k, v) -> d.put(k, v.replace("{env}", env)));
        return new MetricRef(namespace, metric, d, stat);
    }
}
