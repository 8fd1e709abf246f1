package dev.flightdeck.slack.incident.access;

import dev.flightdeck.incident.access.AccessPeople;
import dev.flightdeck.slack.api.SlackGateway;
import jakarta.inject.Singleton;

import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A person's e-mail from Slack's {@code users.info}: Slack shows {@code profile.email} only to apps granted
 * {@code users:read.email} (in manifest.yml for this). No answer right now throws, and the grant is tried again.
 */
@Singleton
public class SlackAccessPeople implements AccessPeople {

    private final SlackGateway gateway;

    public SlackAccessPeople(SlackGateway gateway) {
        this.gateway = gateway;
    }

    @Override
    public Optional<String> email(String userId) {
        try {
            var r = gateway.call("users.info", c -> c.usersInfo(x -> x.user(userId))).get(15, TimeUnit.SECONDS);
            if (!r.isOk()) {
                if ("user_not_found".equals(r.getError())) {
                    return Optional.empty();
                }
                throw new IllegalStateException("users.info answered " + r.getError());
            }
            return Optional.ofNullable(r.getUser().getProfile()).map(p -> p.getEmail()).filter(e -> !e.isBlank());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("users.info: " + e.getClass().getSimpleName(), e);
        }
    }
}
