package dev.flightdeck.slack.incident;

import com.slack.api.model.view.View;
import dev.flightdeck.slack.api.SlackGateway;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Opens incident modals off the request thread (trigger ids expire in 3 s, so never after a queue). */
@Singleton
class Modals {
    private static final Logger LOG = LoggerFactory.getLogger(Modals.class);

    private final SlackGateway gateway;

    Modals(SlackGateway gateway) {
        this.gateway = gateway;
    }

    void open(String triggerId, View view) {
        gateway.call("views.open", c -> c.viewsOpen(r -> r.triggerId(triggerId).view(view)))
                .whenComplete((r, e) -> {
                    if (e != null || !r.isOk()) {
                        LOG.warn("views.open for {} failed: {}", view.getCallbackId(), e != null ? e.toString() : r.getError());
                    }
                });
    }
}
