package dev.flightdeck.telemetry;

import dev.flightdeck.deploy.OutgoingCalls;
import io.opentelemetry.api.trace.SpanKind;
import jakarta.inject.Singleton;

import java.util.function.Supplier;

/** {@link OutgoingCalls} as OpenTelemetry client spans. */
@Singleton
public class TracedOutgoingCalls implements OutgoingCalls {

    private final Spans spans;

    public TracedOutgoingCalls(Spans spans) {
        this.spans = spans;
    }

    @Override
    public <T> T traced(String name, Supplier<T> call) {
        return spans.in(name, SpanKind.CLIENT, call);
    }
}
