package dev.flightdeck.envconfig.change.secrecy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import org.slf4j.LoggerFactory;

import java.util.HashMap;
import java.util.Map;

/**
 * Every logger at one level for the length of a test (root, com.slack.api, io.micronaut, io.netty, dev.flightdeck and
 * whatever else has a level of its own), as an operator chasing a problem would set them; the levels before are put
 * back on close.
 */
final class AllLoggersAt implements AutoCloseable {

    private final Map<Logger, Level> before = new HashMap<>();

    AllLoggersAt(Level level) {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        for (Logger logger : context.getLoggerList()) {
            if (logger.getLevel() != null) {
                before.put(logger, logger.getLevel());
                logger.setLevel(level);
            }
        }
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        before.putIfAbsent(root, root.getLevel());
        root.setLevel(level);
    }

    @Override
    public void close() {
        before.forEach(Logger::setLevel);
    }
}
