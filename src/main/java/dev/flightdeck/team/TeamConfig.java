package dev.flightdeck.team;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import dev.flightdeck.deploy.EnvironmentConfig;
import dev.flightdeck.health.HealthChecksConfig;
import dev.flightdeck.incident.IncidentsConfig;
import dev.flightdeck.metrics.MetricsConfig;

/** The team's flightdeck.yml, validated. Maps keep the order of the file; {@code people} maps a GitHub login or
 *  e-mail (lowercased) to a Slack user id; {@code configWatch} is how often configuration that allows changes is
 *  scanned for changes made outside Flightdeck ({@code config-watch}, default 5m); {@code slots} holds each pool of
 *  shared environments and its slots ({@code slots: { dev: [dev1, dev2] }}, file order; each slot is an environment);
 *  {@code flags} the feature-flag provider, when there is one. */
public record TeamConfig(Map<String, EnvironmentConfig> environments,
                         Map<String, ServiceConfig> services,
                         IncidentsConfig incidents,
                         WebhooksConfig webhooks,
                         MetricsConfig metrics,
                         HealthChecksConfig health,
                         Map<String, String> people,
                         java.time.Duration configWatch,
                         Map<String, java.util.List<String>> slots,
                         Optional<dev.flightdeck.deploy.flags.FlagsConfig> flags) {

    public static final java.time.Duration DEFAULT_CONFIG_WATCH = java.time.Duration.ofMinutes(5);

    public TeamConfig {
        environments = Collections.unmodifiableMap(new LinkedHashMap<>(environments));
        services = Collections.unmodifiableMap(new LinkedHashMap<>(services));
        Map<String, String> byLogin = new LinkedHashMap<>();
        people.forEach((login, id) -> byLogin.put(login.toLowerCase(java.util.Locale.ROOT), id));
        people = Collections.unmodifiableMap(byLogin);
        Map<String, java.util.List<String>> pools = new LinkedHashMap<>();
        slots.forEach((pool, names) -> pools.put(pool, java.util.List.copyOf(names)));
        slots = Collections.unmodifiableMap(pools);
    }

    /** A team config without shared-environment slots or feature flags. */
    public TeamConfig(Map<String, EnvironmentConfig> environments, Map<String, ServiceConfig> services,
                      IncidentsConfig incidents, WebhooksConfig webhooks, MetricsConfig metrics,
                      HealthChecksConfig health, Map<String, String> people, java.time.Duration configWatch) {
        this(environments, services, incidents, webhooks, metrics, health, people, configWatch, Map.of(),
                Optional.empty());
    }

    /** A team config with the default {@code config-watch}. */
    public TeamConfig(Map<String, EnvironmentConfig> environments, Map<String, ServiceConfig> services,
                      IncidentsConfig incidents, WebhooksConfig webhooks, MetricsConfig metrics,
                      HealthChecksConfig health, Map<String, String> people) {
        this(environments, services, incidents, webhooks, metrics, health, people, DEFAULT_CONFIG_WATCH);
    }

    /** A team config without a {@code people} map. */
    public TeamConfig(Map<String, EnvironmentConfig> environments, Map<String, ServiceConfig> services,
                      IncidentsConfig incidents, WebhooksConfig webhooks, MetricsConfig metrics,
                      HealthChecksConfig health) {
        this(environments, services, incidents, webhooks, metrics, health, Map.of());
    }

    /** A team config with health checks at their defaults. */
    public TeamConfig(Map<String, EnvironmentConfig> environments, Map<String, ServiceConfig> services,
                      IncidentsConfig incidents, WebhooksConfig webhooks, MetricsConfig metrics) {
        this(environments, services, incidents, webhooks, metrics, HealthChecksConfig.DEFAULTS);
    }

    /** A team config with metrics at their defaults. */
    public TeamConfig(Map<String, EnvironmentConfig> environments, Map<String, ServiceConfig> services,
                      IncidentsConfig incidents, WebhooksConfig webhooks) {
        this(environments, services, incidents, webhooks, MetricsConfig.DEFAULTS, HealthChecksConfig.DEFAULTS);
    }

    /** What runs when no team file is configured: no environments, no services, incident defaults. */
    public static TeamConfig empty() {
        return new TeamConfig(Map.of(), Map.of(), IncidentsConfig.defaults(), WebhooksConfig.NONE);
    }

    public Optional<EnvironmentConfig> environment(String name) {
        return Optional.ofNullable(environments.get(name));
    }

    public Optional<ServiceConfig> service(String name) {
        return Optional.ofNullable(services.get(name));
    }

    /** The Slack user a GitHub login (or e-mail) is, from {@code people:}; logins compare without case. */
    public Optional<String> slackUserFor(String loginOrEmail) {
        return loginOrEmail == null ? Optional.empty()
                : Optional.ofNullable(people.get(loginOrEmail.toLowerCase(java.util.Locale.ROOT)));
    }

    /** Every channel the file names (deploy channels, incidents, stakeholders), each once, in file order. */
    public java.util.List<ChannelRef> channels() {
        java.util.Set<ChannelRef> all = new java.util.LinkedHashSet<>();
        environments.values().forEach(e -> all.add(e.channel()));
        incidents.announceChannel().ifPresent(all::add);
        incidents.stakeholderChannel().ifPresent(all::add);
        return java.util.List.copyOf(all);
    }
}
