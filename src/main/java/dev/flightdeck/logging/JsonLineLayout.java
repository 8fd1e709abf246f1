package dev.flightdeck.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import ch.qos.logback.core.LayoutBase;
import dev.flightdeck.text.JsonStrings;

import java.time.Instant;
import java.util.Map;

/**
 * One JSON object per line for log shippers: time, level, logger, thread, message, the MDC keys flat
 * (traceId, spanId, slackTeam, slackUser, slackCommand) and the exception with its stack, if any.
 * Flat field names so a query is {@code traceId:"…"}, not {@code mdc.traceId}.
 */
public class JsonLineLayout extends LayoutBase<ILoggingEvent> {

    private static final int MAX_FRAMES = 40;

    @Override
    public String doLayout(ILoggingEvent event) {
        StringBuilder out = new StringBuilder(256);
        out.append('{');
        field(out, "time", Instant.ofEpochMilli(event.getTimeStamp()).toString());
        out.append(',');
        field(out, "level", event.getLevel().toString());
        out.append(',');
        field(out, "logger", event.getLoggerName());
        out.append(',');
        field(out, "thread", event.getThreadName());
        out.append(',');
        field(out, "message", event.getFormattedMessage());
        for (Map.Entry<String, String> e : event.getMDCPropertyMap().entrySet()) {
            out.append(',');
            field(out, e.getKey(), e.getValue());
        }
        if (event.getThrowableProxy() != null) {
            out.append(',');
            field(out, "exception", throwable(event.getThrowableProxy()));
        }
        return out.append("}\n").toString();
    }

    private static String throwable(IThrowableProxy proxy) {
        StringBuilder text = new StringBuilder();
        for (IThrowableProxy p = proxy; p != null; p = p.getCause()) {
            text.append(p == proxy ? "" : "Caused by: ").append(p.getClassName()).append(": ").append(p.getMessage()).append('\n');
            StackTraceElementProxy[] frames = p.getStackTraceElementProxyArray();
            for (int i = 0; i < Math.min(frames.length, MAX_FRAMES); i++) {
                text.append("\tat ").append(frames[i].getStackTraceElement()).append('\n');
            }
        }
        return text.toString();
    }

    private static void field(StringBuilder out, String name, String value) {
        string(out, name);
        out.append(':');
        if (value == null) {
            out.append("null");
        } else {
            string(out, value);
        }
    }

    private static void string(StringBuilder out, String s) {
        JsonStrings.quote(out, s);
    }
}
