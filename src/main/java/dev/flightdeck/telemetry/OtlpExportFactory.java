package dev.flightdeck.telemetry;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporterBuilder;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Span export over OTLP/HTTP (protobuf, sent with the JDK HttpClient), only when {@code otel.exporter.otlp.endpoint}
 * is set, e.g. by the standard {@code OTEL_EXPORTER_OTLP_ENDPOINT} variable (Micronaut maps it onto the property).
 * Unset, neither bean exists: no exporter, no batch thread, no connection attempts. Micronaut Tracing's
 * OpenTelemetry factory adds the {@link SpanProcessor} bean to its tracer provider; its own autoconfigured exporter
 * stays "none", so spans are never sent twice.
 */
@Factory
@Requires(property = OtlpExportFactory.ENDPOINT)
public class OtlpExportFactory {

    public static final String ENDPOINT = "otel.exporter.otlp.endpoint";
    private static final Logger LOG = LoggerFactory.getLogger(OtlpExportFactory.class);
    private static final Pattern DURATION = Pattern.compile("(\\d{1,9})(ms|s|m|)");

    @Singleton
    @Bean(preDestroy = "close")
    SpanExporter otlpSpanExporter(@Value("${" + ENDPOINT + "}") String endpoint,
                                  @Value("${otel.exporter.otlp.headers:}") String headers,
                                  @Value("${otel.exporter.otlp.timeout:10000}") String timeout) {
        URI base = URI.create(endpoint.endsWith("/") ? endpoint : endpoint + "/");
        if (!"http".equals(base.getScheme()) && !"https".equals(base.getScheme())) {
            throw new IllegalArgumentException(ENDPOINT + " must be an http:// or https:// URL, got " + base.getScheme());
        }
        OtlpHttpSpanExporterBuilder builder = OtlpHttpSpanExporter.builder()
                .setEndpoint(base.resolve("v1/traces").toString())
                .setTimeout(duration("otel.exporter.otlp.timeout", timeout));
        // "k1=v1,k2=v2" as in the OTLP spec; the values may be credentials, so they are never logged.
        for (String pair : headers.split(",")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                builder.addHeader(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
            }
        }
        // Host and port only: a URL may carry user:password.
        LOG.info("Exporting traces over OTLP/HTTP to {}://{}:{}", base.getScheme(), base.getHost(), base.getPort());
        return builder.build();
    }

    @Singleton
    @Bean(preDestroy = "close")
    SpanProcessor otlpBatchSpanProcessor(SpanExporter exporter,
                                         @Value("${otel.bsp.schedule.delay:5000}") String delay) {
        return BatchSpanProcessor.builder(exporter).setScheduleDelay(duration("otel.bsp.schedule.delay", delay)).build();
    }

    /**
     * The OpenTelemetry variables give durations as plain milliseconds (OTEL_BSP_SCHEDULE_DELAY=200); Micronaut
     * properties as 200ms or 5s. Both are accepted; anything else fails start-up naming the setting.
     */
    static Duration duration(String name, String value) {
        Matcher m = DURATION.matcher(value.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException(name + " must be milliseconds (200) or a duration (200ms, 5s), got " + value);
        }
        long n = Long.parseLong(m.group(1));
        String unit = m.group(2);
        if (unit.isEmpty() || "ms".equals(unit)) {
            return Duration.ofMillis(n);
        }
        return "s".equals(unit) ? Duration.ofSeconds(n) : Duration.ofMinutes(n);
    }
}
