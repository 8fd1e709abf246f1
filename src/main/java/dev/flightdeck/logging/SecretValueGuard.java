package dev.flightdeck.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;

import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps proposed config values (issue 16 item 5) out of every log line, whatever logger wrote it and at whatever level
 * it is enabled (registered in logback.xml, so an operator who turns com.slack or io.micronaut up to TRACE is covered).
 * Two rules, each withholding the whole line and writing in its place one that names only the logger:
 * <ul>
 * <li>a line carrying a {@code config_change} modal submission (Bolt's and the Socket Mode client's DEBUG payload
 * lines, a parse error quoting the body): the callback id and the submission's state travel with the value, so the
 * line is recognised before anyone has read the value out of it;</li>
 * <li>a line carrying a value this process holds right now ({@link #hold}: the edge, on the submission; the pending
 * store, while it keeps or hands out the value), however it got there (an AWS error, a handler's exception).</li>
 * </ul>
 * A denylist is the second line of defence, not the first: the code that handles values never logs them. Values are
 * held in memory for minutes at most, and values shorter than {@link #MIN_LENGTH} are not matched (they would
 * withhold half the log); the first rule still covers their submission.
 */
public class SecretValueGuard extends TurboFilter {

    static final int MIN_LENGTH = 4;
    /** The longest a value stays in this process's list: the submission's handling, or one apply. */
    public static final Duration LONGEST_HOLD = Duration.ofMinutes(15);
    private static final int MAX_HELD = 10_000;
    static final String CALLBACK_ID = "config_change";
    private static final org.slf4j.Logger LOG = LoggerFactory.getLogger(SecretValueGuard.class);
    private static final Map<String, Long> HELD = new ConcurrentHashMap<>();

    /** Withholds log lines carrying {@code value} for {@code ttl} (at most {@link #LONGEST_HOLD}) or until released. */
    public static void hold(String value, Duration ttl) {
        if (value == null || value.length() < MIN_LENGTH) {
            return;
        }
        long now = System.nanoTime();
        if (HELD.size() >= MAX_HELD) {
            HELD.values().removeIf(until -> until - now < 0);
        }
        Duration kept = ttl.compareTo(LONGEST_HOLD) > 0 || ttl.isNegative() ? LONGEST_HOLD : ttl;
        HELD.merge(value, now + kept.toNanos(), Math::max);
    }

    /** The value's change is final: nothing here carries it any more. */
    public static void release(String value) {
        if (value != null) {
            HELD.remove(value);
        }
    }

    @Override
    public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
        // isEnabledFor would call the turbo filters again: the effective level is read directly.
        if (logger == null || level == null || (format == null && t == null)
                || !level.isGreaterOrEqual(logger.getEffectiveLevel()) || logger.getName().equals(LOG.getName())) {
            return FilterReply.NEUTRAL;
        }
        StringBuilder text = new StringBuilder(format == null ? "" : format);
        if (params != null) {
            for (Object param : params) {
                text.append('\n').append(safeString(param));
            }
        }
        for (Throwable cause = t; cause != null; cause = cause.getCause()) {
            text.append('\n').append(safeString(cause.getMessage()));
            for (Throwable suppressed : cause.getSuppressed()) {
                text.append('\n').append(safeString(suppressed.getMessage()));
            }
        }
        if (!carriesSubmission(text) && !carriesHeldValue(text)) {
            return FilterReply.NEUTRAL;
        }
        String line = "A log line from {} was withheld: it carried a proposed config value";
        switch (level.levelInt) {
            case Level.ERROR_INT -> LOG.error(line, logger.getName());
            case Level.WARN_INT -> LOG.warn(line, logger.getName());
            case Level.INFO_INT -> LOG.info(line, logger.getName());
            case Level.DEBUG_INT -> LOG.debug(line, logger.getName());
            default -> LOG.trace(line, logger.getName());
        }
        return FilterReply.DENY;
    }

    private static boolean carriesSubmission(CharSequence text) {
        String s = text.toString();
        return s.contains(CALLBACK_ID) && (s.contains("view_submission") || s.contains("state"));
    }

    private static boolean carriesHeldValue(CharSequence text) {
        if (HELD.isEmpty()) {
            return false;
        }
        String s = text.toString();
        long now = System.nanoTime();
        for (Iterator<Map.Entry<String, Long>> it = HELD.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, Long> held = it.next();
            if (held.getValue() - now < 0) {
                it.remove();
            } else if (s.contains(held.getKey())) {
                return true;
            }
        }
        return false;
    }

    private static String safeString(Object o) {
        try {
            return String.valueOf(o);
        } catch (RuntimeException e) {
            return "";
        }
    }
}
