package dev.flightdeck.deploy.flags;

import dev.flightdeck.audit.Auditor;
import dev.flightdeck.deploy.EnvironmentConfig;
import dev.flightdeck.incident.Incident;
import dev.flightdeck.incident.OpenIncidents;
import dev.flightdeck.team.TeamConfig;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Asking for a flip, and looking at a flag. A request reads the flag from the provider first (it must exist in that
 * environment and not already be in the asked state), is stored, audited and posted. A kill switch flipped by the
 * commander of an open incident, and any flip where the environment only announces (approvals: 0), goes to APPLYING at
 * once: the caller applies it right after the ack.
 */
final class FlagRequests {

    private final TeamConfig team;
    private final FlagProvider provider;
    private final FlagRepository repository;
    private final FlagAnnouncer news;
    private final FlagMoves moves;
    private final OpenIncidents incidents;
    private final Auditor auditor;
    private final Clock clock;

    FlagRequests(TeamConfig team, FlagProvider provider, FlagRepository repository, FlagAnnouncer news, FlagMoves moves,
                 OpenIncidents incidents, Auditor auditor, Clock clock) {
        this.team = team;
        this.provider = provider;
        this.repository = repository;
        this.news = news;
        this.moves = moves;
        this.incidents = incidents;
        this.auditor = auditor;
        this.clock = clock;
    }

    FlagOutcome show(String flagKey, Optional<String> environment) {
        if (team.flags().isEmpty()) {
            return new FlagOutcome.NoProvider();
        }
        FlagsConfig config = team.flags().get();
        List<String> envs = new ArrayList<>();
        if (environment.isPresent()) {
            if (team.environment(environment.get()).isEmpty()) {
                return unknownEnvironment(environment.get());
            }
            envs.add(environment.get());
        } else {
            envs.addAll(team.environments().keySet());
        }
        List<String> providerEnvs = envs.stream().map(config::providerEnvironment).distinct().toList();
        FlagProvider.Reading reading;
        try {
            reading = provider.read(config, flagKey, providerEnvs);
        } catch (FlagProviderException e) {
            return refusal(e, flagKey, config);
        }
        Map<String, FlagRequest> last = new LinkedHashMap<>();
        for (String env : envs) {
            repository.lastApplied(flagKey, env).ifPresent(r -> last.put(env, r));
        }
        return new FlagOutcome.Shown(config, reading, envs, last);
    }

    FlagOutcome request(String userId, String flagKey, String environment, boolean on) {
        if (team.flags().isEmpty()) {
            return new FlagOutcome.NoProvider();
        }
        FlagsConfig config = team.flags().get();
        Optional<EnvironmentConfig> found = team.environment(environment);
        if (found.isEmpty()) {
            return unknownEnvironment(environment);
        }
        EnvironmentConfig env = found.get();
        Optional<FlagRequest> pending = repository.open(flagKey, environment);
        if (pending.isPresent()) {
            return new FlagOutcome.PendingExists(pending.get());
        }
        String providerEnv = config.providerEnvironment(environment);
        FlagProvider.Reading reading;
        try {
            reading = provider.read(config, flagKey, List.of(providerEnv));
        } catch (FlagProviderException e) {
            return refusal(e, flagKey, config);
        }
        FlagProvider.EnvironmentState now = reading.environments().get(providerEnv);
        if (now == null) {
            return new FlagOutcome.NotInEnvironment(flagKey, environment, providerEnv);
        }
        if (now.on() == on) {
            return new FlagOutcome.AlreadyThere(flagKey, environment, on);
        }
        Optional<Incident> commanded = config.isKillSwitch(flagKey) ? incidents.open().stream()
                .filter(i -> userId.equals(i.commanderId())).findFirst() : Optional.empty();
        Instant at = clock.instant();
        FlagRequest request = repository.insert(new FlagRequest(0, flagKey, environment, providerEnv, on, userId,
                FlagState.REQUESTED, List.of(), commanded.map(Incident::number),
                new FlagRequest.Timers(at, at.plus(env.nudgeAfter()), 0, at.plus(env.expireAfter()), null),
                Optional.empty(), Optional.empty()));
        Map<String, Object> payload = FlagMoves.payload(request);
        payload.put("provider", config.providerName());
        auditor.record(FlagAudit.REQUESTED, userId, payload);
        if (commanded.isPresent() || env.announceOnly()) {
            // A kill switch must not wait for anyone, and an announce-only environment waits for nobody.
            FlagEvent event = commanded.isPresent() ? FlagEvent.KILL_SWITCH : FlagEvent.GO;
            FlagRequest applying = moves.apply(request, event, userId).orElseThrow();
            Optional<FlagRequest.Message> posted = news.post(applying);
            posted.ifPresent(m -> repository.saveMessage(applying.id(), m));
            FlagRequest shown = posted.map(applying::withMessage).orElse(applying);
            news.changed(shown, commanded.isPresent()
                    ? new FlagNews.KillSwitched(userId, commanded.get().number()) : new FlagNews.Applying(userId));
            return new FlagOutcome.Applying(shown);
        }
        Optional<FlagRequest.Message> posted = news.post(request);
        if (posted.isEmpty()) {
            moves.apply(request, FlagEvent.CANCEL, FlagAudit.FLOW);
            return new FlagOutcome.PostFailed(env.channel().text());
        }
        repository.saveMessage(request.id(), posted.get());
        return new FlagOutcome.Requested(request.withMessage(posted.get()));
    }

    private FlagOutcome unknownEnvironment(String environment) {
        return new FlagOutcome.UnknownEnvironment(environment, List.copyOf(team.environments().keySet()));
    }

    private static FlagOutcome refusal(FlagProviderException e, String flagKey, FlagsConfig config) {
        return e.kind() == FlagProviderException.Kind.NOT_FOUND
                ? new FlagOutcome.UnknownFlag(flagKey, config.providerName())
                : new FlagOutcome.ProviderDown(e.getMessage());
    }
}
