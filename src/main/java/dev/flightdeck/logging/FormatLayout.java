package dev.flightdeck.logging;

import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.LayoutBase;

/**
 * One appender, two formats: {@code json} (one object per line, {@link JsonLineLayout}) or {@code text} (the
 * pattern). Chosen by FLIGHTDECK_LOG_FORMAT in logback.xml, so no appender sits unused.
 */
public class FormatLayout extends LayoutBase<ILoggingEvent> {

    private String format = "text";
    private String pattern = "%d{HH:mm:ss.SSS} %-5level [%thread] %logger{36} - %msg%n";
    private LayoutBase<ILoggingEvent> delegate;

    public void setFormat(String format) {
        this.format = format;
    }

    public void setPattern(String pattern) {
        this.pattern = pattern;
    }

    @Override
    public void start() {
        if ("json".equalsIgnoreCase(format == null ? "" : format.trim())) {
            delegate = new JsonLineLayout();
        } else {
            PatternLayout text = new PatternLayout();
            text.setPattern(pattern);
            delegate = text;
        }
        delegate.setContext(getContext());
        delegate.start();
        super.start();
    }

    @Override
    public String doLayout(ILoggingEvent event) {
        return delegate.doLayout(event);
    }
}
