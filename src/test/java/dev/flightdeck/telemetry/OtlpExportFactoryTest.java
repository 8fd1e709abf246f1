package dev.flightdeck.telemetry;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** OTEL_* durations are plain milliseconds by the spec; Micronaut-style values work too; nonsense names the setting. */
class OtlpExportFactoryTest {

    @Test
    void durationsAsTheOpenTelemetryVariablesAndMicronautPropertiesGiveThem() {
        assertThat(OtlpExportFactory.duration("otel.bsp.schedule.delay", "200")).isEqualTo(Duration.ofMillis(200));
        assertThat(OtlpExportFactory.duration("otel.bsp.schedule.delay", "50ms")).isEqualTo(Duration.ofMillis(50));
        assertThat(OtlpExportFactory.duration("otel.exporter.otlp.timeout", "10s")).isEqualTo(Duration.ofSeconds(10));
        assertThatThrownBy(() -> OtlpExportFactory.duration("otel.bsp.schedule.delay", "soon"))
                .hasMessageContaining("otel.bsp.schedule.delay").hasMessageContaining("soon");
    }
}
