package dev.flightdeck.demo;

import dev.flightdeck.people.PeopleDirectory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Order;
import jakarta.inject.Singleton;

import java.util.Map;
import java.util.Optional;

/**
 * The demo's own people: the made-up ids its deploys and incidents use have no Slack user behind them, so with
 * {@code --demo} the pages name them from this table (asked first, so no users.info goes out for them). Only
 * these ids, and only in a demo run.
 */
@Singleton
@Order(-100)
@Requires(property = DemoStartup.PROPERTY, value = "true")
public class DemoPeople implements PeopleDirectory {

    static final Map<String, String> NAMES = Map.of(
            DemoDeploys.PEOPLE.get(0), "Alex Moreno",
            DemoDeploys.PEOPLE.get(1), "Bea Schmidt",
            DemoDeploys.PEOPLE.get(2), "Chen Li",
            DemoDeploys.PEOPLE.get(3), "Dana Okafor",
            DemoDeploys.FALLBACK_APPROVER, "Lee Park");

    @Override
    public Optional<String> nameOf(String userId) {
        return Optional.ofNullable(NAMES.get(userId));
    }
}
