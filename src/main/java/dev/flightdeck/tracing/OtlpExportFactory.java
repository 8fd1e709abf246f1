package dev.flightdeck.tracing;

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

    @Singleton
    @Bean(preDestroy = "close")
    SpanExporter otlpSpanExporter(@Value("${" + ENDPOINT + "}") String endpoint,
                                  @Value("${otel.exporter.otlp.headers:}") String headers,
                                  @Value("${otel.exporter.otlp.timeout:10s}") Duration timeout) {
        URI base = URI.create(endpoint.endsWith("/") ? endpoint : endpoint + "/");
        if (!"http".equals(base.getScheme()) && !"https".equals(base.getScheme())) {
            throw new IllegalArgumentException(ENDPOINT + " must be an http:// or https:// URL, got " + base.getScheme());
        }
        OtlpHttpSpanExporterBuilder builder = OtlpHttpSpanExporter.builder()
                .setEndpoint(base.resolve("v1/traces").toString())
                .setTimeout(timeout);
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
                                         @Value("${otel.bsp.schedule.delay:5s}") Duration delay) {
        return BatchSpanProcessor.builder(exporter).setScheduleDelay(delay).build();
    }
}
