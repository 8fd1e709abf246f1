package dev.flightdeck.telemetry;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanId;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceId;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import jakarta.inject.Singleton;
import org.slf4j.MDC;

import java.util.Map;
import java.util.function.Supplier;

/**
 * Spans for the work a Slack request causes (the request itself, Slack API calls, AWS calls, build triggers), made
 * with the OpenTelemetry bean of Micronaut Tracing. The log's {@code traceId}/{@code spanId} are the current span's
 * ids, so a log line and an exported span join on the trace id. With no OTLP endpoint the spans are still made (the
 * ids are what the log and the audit trail carry) but nothing is exported: see {@link OtlpExportFactory}.
 */
@Singleton
public class Spans {

    public static final String TRACE_ID = "traceId";
    public static final String SPAN_ID = "spanId";

    private static final Spans NOOP = new Spans(OpenTelemetry.noop());

    private final Tracer tracer;

    public Spans(OpenTelemetry openTelemetry) {
        this.tracer = openTelemetry.getTracer("dev.flightdeck");
    }

    /** For code built outside the bean context (unit tests): spans that record nothing. */
    public static Spans noop() {
        return NOOP;
    }

    /**
     * Starts a span, child of the current one; the caller ends it. With no current span but a trace id in the
     * logging context (work resumed from a carried MDC, e.g. a job that restores a request's context), the span
     * continues that trace id, so its log lines and its span still join.
     */
    public Span start(String name, SpanKind kind) {
        Context parent = Context.current();
        String trace = MDC.get(TRACE_ID);
        if (!Span.fromContext(parent).getSpanContext().isValid() && trace != null && TraceId.isValid(trace)) {
            String spanId = MDC.get(SPAN_ID);
            parent = parent.with(Span.wrap(SpanContext.createFromRemoteParent(trace,
                    spanId != null && SpanId.isValid(spanId) ? spanId : RandomIds.hex(8),
                    TraceFlags.getSampled(), TraceState.getDefault())));
        }
        return tracer.spanBuilder(name).setSpanKind(kind).setParent(parent).startSpan();
    }

    /** Runs {@code work} in a child span, with the span's ids in the logging context, and ends the span. */
    public <T> T in(String name, SpanKind kind, Supplier<T> work) {
        Span span = start(name, kind);
        try (Scope ignored = span.makeCurrent(); Ids ids = Ids.of(span)) {
            return work.get();
        } catch (RuntimeException e) {
            span.setStatus(StatusCode.ERROR, e.getClass().getSimpleName());
            throw e;
        } finally {
            span.end();
        }
    }

    /**
     * Puts a span's ids into the MDC and restores the previous ones on close. An invalid span (no tracing at all)
     * gets random W3C-sized ids, so every request still has a trace id in its log lines.
     */
    public static final class Ids implements AutoCloseable {
        private final String previousTrace;
        private final String previousSpan;

        private Ids(String trace, String spanId) {
            this.previousTrace = MDC.get(TRACE_ID);
            this.previousSpan = MDC.get(SPAN_ID);
            MDC.put(TRACE_ID, trace);
            MDC.put(SPAN_ID, spanId);
        }

        public static Ids of(Span span) {
            SpanContext c = span.getSpanContext();
            if (c.isValid()) {
                return new Ids(c.getTraceId(), c.getSpanId());
            }
            String trace = MDC.get(TRACE_ID);
            return new Ids(trace != null ? trace : RandomIds.hex(16), RandomIds.hex(8));
        }

        @Override
        public void close() {
            restore(TRACE_ID, previousTrace);
            restore(SPAN_ID, previousSpan);
        }

        private static void restore(String key, String value) {
            if (value == null) {
                MDC.remove(key);
            } else {
                MDC.put(key, value);
            }
        }
    }

    /**
     * The caller's logging context and current span, to resume on another thread: work after the ack and the Slack
     * gateway's retries stay in the trace of the request that caused them.
     */
    public record Carried(Map<String, String> mdc, Context context) {

        public static Carried capture() {
            return new Carried(MDC.getCopyOfContextMap(), Context.current());
        }

        /** Runs {@code work} with the captured context on the current thread, then clears it. */
        public void run(Runnable work) {
            if (mdc != null) {
                MDC.setContextMap(mdc);
            }
            try (Scope ignored = context.makeCurrent()) {
                work.run();
            } finally {
                MDC.clear();
            }
        }
    }
}
