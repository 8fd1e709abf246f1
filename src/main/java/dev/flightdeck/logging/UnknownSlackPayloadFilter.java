package dev.flightdeck.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * Bolt's {@code SlackRequestParser} logs the whole payload at WARN when it does not know its type ("No request pattern
 * detected for {}"), and a payload carries what users typed. Bolt 1.51 has no setting for that line, so this filter
 * (registered in logback.xml) drops it and logs the payload's type and size instead.
 */
public class UnknownSlackPayloadFilter extends TurboFilter {

    static final String BOLT_PARSER = "com.slack.api.bolt.util.SlackRequestParser";
    private static final String BOLT_MESSAGE = "No request pattern detected for";
    private static final Pattern SAFE_TYPE = Pattern.compile("[A-Za-z0-9_.]{1,60}");
    private static final org.slf4j.Logger LOG = LoggerFactory.getLogger(UnknownSlackPayloadFilter.class);

    @Override
    public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
        if (logger == null || format == null || !BOLT_PARSER.equals(logger.getName()) || !format.startsWith(BOLT_MESSAGE)) {
            return FilterReply.NEUTRAL;
        }
        String payload = params != null && params.length > 0 && params[0] != null ? params[0].toString() : "";
        LOG.warn("Slack sent a request Flightdeck does not handle: type {}, {} bytes (its content is not logged)",
                typeOf(payload), payload.getBytes(StandardCharsets.UTF_8).length);
        return FilterReply.DENY;
    }

    /** The top-level {@code type} when it looks like a type name; never anything a user could have typed at length. */
    static String typeOf(String payload) {
        try {
            JsonElement json = JsonParser.parseString(payload);
            if (json.isJsonObject() && json.getAsJsonObject().has("type")
                    && json.getAsJsonObject().get("type").isJsonPrimitive()) {
                String type = json.getAsJsonObject().get("type").getAsString();
                return SAFE_TYPE.matcher(type).matches() ? type : "(not a type name)";
            }
            return "(none)";
        } catch (RuntimeException e) {
            return "(not JSON)";
        }
    }
}
