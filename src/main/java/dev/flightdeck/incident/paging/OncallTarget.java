package dev.flightdeck.incident.paging;

import java.util.Optional;

/**
 * One on-call target of the team file's {@code incidents.oncall}, by the name typed in {@code /incident page <name>}.
 * Keys are named by environment variable, never held here.
 */
public sealed interface OncallTarget {

    String name();

    /**
     * PagerDuty: pages through the Events API v2 with the integration's routing key; who is on call comes from the
     * REST API ({@code GET /oncalls}) when a REST API key is named, for the escalation policy when one is named.
     */
    record PagerDuty(String name, String routingKeyEnv, Optional<String> apiKeyEnv,
                     Optional<String> escalationPolicy) implements OncallTarget {
    }

    /** Opsgenie: alerts with the API key, to the team when named; who is on call from the schedule when named. */
    record Opsgenie(String name, String apiKeyEnv, Optional<String> team, Optional<String> schedule)
            implements OncallTarget {
    }
}
