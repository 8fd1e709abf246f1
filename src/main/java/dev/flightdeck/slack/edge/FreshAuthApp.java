package dev.flightdeck.slack.edge;

import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.middleware.Middleware;
import com.slack.api.bolt.middleware.builtin.SingleTeamAuthorization;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.reflect.Field;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Bolt's {@link App} whose auth.test answer, fetched while the app is built, counts as fresh from that moment. Bolt
 * 1.51 keeps that answer but leaves the time it was fetched at 0, so every request arriving after a start, until one
 * of them has fetched it again, calls auth.test inside its own ack: a Slack round trip in the ack, and under a slow or
 * rate-limiting Slack a 429 there makes Bolt answer that request 400 (the request is lost; round 8's slow-Slack run
 * lost one that way). The answer's time is a private field of Bolt's middleware with no setter: set by reflection,
 * and if a later Bolt renames it, a warning says so and Bolt behaves as before.
 */
final class FreshAuthApp extends App {

    private static final Logger LOG = LoggerFactory.getLogger(FreshAuthApp.class);

    FreshAuthApp(AppConfig config) {
        super(config);
    }

    @Override
    protected List<Middleware> buildDefaultMiddlewareList(AppConfig config) {
        List<Middleware> middleware = super.buildDefaultMiddlewareList(config);
        middleware.stream().filter(SingleTeamAuthorization.class::isInstance).forEach(FreshAuthApp::fetchedNow);
        return middleware;
    }

    /** Marks the authorization's auth.test answer (fetched just now, while building) as fetched now. */
    static void fetchedNow(Middleware authorization) {
        try {
            Field fetchedAt = SingleTeamAuthorization.class.getDeclaredField("lastCachedMillis");
            fetchedAt.setAccessible(true);
            ((AtomicLong) fetchedAt.get(authorization)).set(System.currentTimeMillis());
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.warn("Bolt's auth.test answer could not be marked fresh ({}): the first requests after start check it again",
                    e.getClass().getSimpleName());
        }
    }
}
