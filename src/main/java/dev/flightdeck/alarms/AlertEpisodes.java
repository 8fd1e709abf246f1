package dev.flightdeck.alarms;

import dev.flightdeck.alarms.AlertEpisodeStore.Held;
import dev.flightdeck.alarms.EpisodeTransitions.Entered;
import dev.flightdeck.alarms.EpisodeTransitions.Move;
import dev.flightdeck.deploy.EnvironmentConfig;
import dev.flightdeck.incident.Incident;
import dev.flightdeck.incident.Severity;
import dev.flightdeck.team.TeamConfig;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Alarm episodes: one message per episode, flapping within {@code alarm-flap-window} reusing it, back to OK updating
 * it in place, Acknowledge stopping the nudges, an open incident of the service taking the alert on its timeline.
 * Which report does what is {@link EpisodeTransitions}; every write is a compare-and-set in the store, so a
 * concurrent writer makes this one read again and decide anew (a repeat then, usually).
 */
@Singleton
@Requires(beans = {AlertNews.class, AlertEpisodeStore.class})
public class AlertEpisodes implements AlertIntake {

    /** What "Declare incident" pre-fills: a title from the alarm, the service, the environment's alert severity. */
    public record DeclareForm(long episodeId, String title, String service, String environment, Severity severity) {
    }

    /** What a click answers its clicker. */
    public sealed interface Click {
        record Done(AlertEpisode episode) implements Click {
        }

        record NoSuchEpisode(long id) implements Click {
        }

        record AlreadyAcknowledged(AlertEpisode episode) implements Click {
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(AlertEpisodes.class);
    /** Compare-and-set rounds before giving up: each lost round means another writer decided meanwhile. */
    private static final int ROUNDS = 5;
    static final int MAX_TITLE = 150;

    private final AlertEpisodeStore store;
    private final AlertNews news;
    private final AlertIncidents incidents;
    private final TeamConfig team;
    private final Clock clock;

    public AlertEpisodes(AlertEpisodeStore store, AlertNews news, AlertIncidents incidents, TeamConfig team,
                         Clock clock) {
        this.store = store;
        this.news = news;
        this.incidents = incidents;
        this.team = team;
        this.clock = clock;
    }

    @Override
    public Result receive(Alert alert) {
        Optional<EnvironmentConfig> env = team.environment(alert.environment());
        if (env.isEmpty()) {
            return new Ignored("environment " + alert.environment() + " is not in the team file");
        }
        for (int round = 0; round < ROUNDS; round++) {
            Instant now = clock.instant();
            Optional<Held> current = store.current(alert.source(), alert.key());
            if (current.isPresent() && current.get().endedBy(now)) {
                if (!store.close(current.get())) {
                    continue;
                }
                current = Optional.empty();
            }
            Move move = EpisodeTransitions.next(current.map(h -> h.episode().state()), alert.state());
            Optional<Result> result = switch (move) {
                case REPEAT -> Optional.of(new Ignored("already " + AlertIncidents.words(alert.state())));
                case NO_EPISODE -> Optional.of(noEpisode(alert, now));
                case OPEN -> open(alert, env.get(), now);
                default -> change(current.orElseThrow(), move, alert, env.get(), now);
            };
            if (result.isPresent()) {
                return result.get();
            }
        }
        LOG.warn("alert {} of {}: the episode kept changing under {} tries; this report is left", alert.name(),
                alert.service(), ROUNDS);
        return new Ignored("the alarm's episode kept changing; this report was left");
    }

    /** OK or no data of an alarm with no open episode: on the open incident's timeline, if there is one. */
    private Result noEpisode(Alert alert, Instant now) {
        Optional<Incident> incident = incidents.openFor(alert.service());
        if (incident.isPresent()) {
            incidents.report(incident.get(), alert, now);
            return new OnTimeline(incident.get().id());
        }
        return new Ignored(AlertIncidents.words(alert.state()) + " with no alarm episode open");
    }

    /** A first ALARM: on the open incident's timeline, else a new episode and its message. Empty: lost a race. */
    private Optional<Result> open(Alert alert, EnvironmentConfig env, Instant now) {
        Optional<Incident> incident = incidents.openFor(alert.service());
        if (incident.isPresent()) {
            incidents.report(incident.get(), alert, now);
            return Optional.of(new OnTimeline(incident.get().id()));
        }
        Optional<Held> opened = store.open(EpisodeTransitions.opened(alert, env.alerts(), nudged(env), now));
        if (opened.isEmpty()) {
            return Optional.empty();
        }
        AlertEpisode episode = opened.get().episode();
        news.post(episode, env.alerts().channel().orElse(env.channel()))
                .ifPresent(m -> store.saveMessage(episode.id(), m));
        return Optional.of(new Posted(episode.id()));
    }

    /** Fired again, back to OK, or no data: the same message redrawn. Empty: lost a race. */
    private Optional<Result> change(Held held, Move move, Alert alert, EnvironmentConfig env, Instant now) {
        Entered entered = EpisodeTransitions.enter(move, held.episode(), held.endsAt(), alert, env.alerts(),
                nudged(env), now);
        Optional<Held> written = store.update(held, entered.episode(), entered.endsAt());
        if (written.isEmpty()) {
            return Optional.empty();
        }
        AlertEpisode episode = written.get().episode();
        if (move == Move.FIRE_AGAIN) {
            episode.incident().flatMap(Incident::numberOf).flatMap(n -> incidents.openFor(alert.service())
                    .filter(i -> i.number() == n)).ifPresent(i -> incidents.report(i, alert, now));
        }
        news.update(episode);
        return Optional.of(new Updated(episode.id()));
    }

    /** Acknowledge: who, shown in the message; the episode stops nudging. */
    public Click acknowledge(long episodeId, String userId) {
        for (int round = 0; round < ROUNDS; round++) {
            Optional<Held> held = store.find(episodeId);
            if (held.isEmpty()) {
                return new Click.NoSuchEpisode(episodeId);
            }
            AlertEpisode before = held.get().episode();
            if (before.acknowledgedBy().isPresent()) {
                return new Click.AlreadyAcknowledged(before);
            }
            Optional<Held> written = store.update(held.get(),
                    EpisodeTransitions.acknowledged(before, userId, clock.instant()), held.get().endsAt());
            if (written.isPresent()) {
                news.update(written.get().episode());
                return new Click.Done(written.get().episode());
            }
        }
        return store.find(episodeId).<Click>map(h -> new Click.AlreadyAcknowledged(h.episode()))
                .orElseGet(() -> new Click.NoSuchEpisode(episodeId));
    }

    /** The declare form's pre-filled values for an episode. */
    public Optional<DeclareForm> declareForm(long episodeId) {
        return store.find(episodeId).map(Held::episode).map(e -> {
            Alert a = e.latest();
            Severity severity = team.environment(a.environment()).map(env -> env.alerts().severity())
                    .orElse(dev.flightdeck.deploy.AlertSettings.DEFAULTS.severity());
            return new DeclareForm(e.id(), title(a), a.service(), a.environment(), severity);
        });
    }

    /** "shop-prod-5xx: shop in prod": the alarm and the service, so the incident names the service. */
    static String title(Alert a) {
        String title = a.name() + ": " + a.service() + " in " + a.environment();
        return title.length() <= MAX_TITLE ? title : title.substring(0, MAX_TITLE - 1) + "…";
    }

    /** After an incident was declared from an episode: the alarm goes on the incident's timeline and the message says so. */
    public void declared(long episodeId, String incidentId, String userId) {
        long number = Incident.numberOf(incidentId)
                .orElseThrow(() -> new IllegalArgumentException("not an incident id: " + incidentId));
        for (int round = 0; round < ROUNDS; round++) {
            Optional<Held> held = store.find(episodeId);
            if (held.isEmpty()) {
                return;
            }
            AlertEpisode before = held.get().episode();
            if (before.incident().filter(incidentId::equals).isPresent()) {
                incidents.declaredFrom(number, before, userId, clock.instant());
                return;
            }
            Optional<Held> written = store.update(held.get(), EpisodeTransitions.linked(before, incidentId),
                    held.get().endsAt());
            if (written.isPresent()) {
                incidents.declaredFrom(number, written.get().episode(), userId, clock.instant());
                news.update(written.get().episode());
                return;
            }
        }
    }

    /** Production environments are nudged, when they name someone to nudge. */
    static boolean nudged(EnvironmentConfig env) {
        return AlertNudges.production(env.name()) && !env.approvers().isEmpty();
    }
}
