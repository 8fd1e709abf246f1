package dev.flightdeck.metrics;

import dev.flightdeck.config.TeamConfigParser;
import dev.flightdeck.metrics.DeliveryHistory.DeployFact;
import dev.flightdeck.metrics.DeliveryHistory.IncidentFact;
import dev.flightdeck.team.TeamConfig;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The daily rollup changes no figure: on random histories (a year and more of deploys with microsecond times in
 * three environments, rollbacks, incidents naming services or not), every report computed from rolled-up days plus
 * raw rows equals the one the raw rows alone give through the arithmetic as it was before the rollup
 * ({@link RawDeliveryCalculator}), for 365, 30, 7 and 1 days, whole-day and cut periods, overall and per service,
 * with nothing, some or everything still waiting to be rolled up.
 */
class DeliveryRollupEquivalenceTest {

    static final TeamConfig EXAMPLE = TeamConfigParser.parseFiles(List.of(Path.of("flightdeck.example.yml"))).orElseThrow();
    static final String[] SERVICES = {"commons", "billing", "web", "reports", "t1-svc0", "t1-svc1"};
    static final String[] ENVS = {"prod", "prod", "staging", "dev"};
    static final String[] STATES = {"SUCCEEDED", "SUCCEEDED", "SUCCEEDED", "SUCCEEDED", "FAILED", "ABORTED", "REQUESTED"};
    static final String[] TITLES = {"Billing API 500s", "commons emails delayed", "website down", "Queue backlog",
            "t1-svc0 timeouts", "WEB checkout slow", "rebilling job stuck", "Reports and billing late",
            "(billing) billing retries, again", "  -- commons", "Grafik zeigt Fehler: Überlauf im web-Dienst", ""};

    final Instant now = Instant.parse("2026-03-20T13:37:12.345678Z");
    final Clock clock = Clock.fixed(now, ZoneOffset.UTC);
    final MetricsSettings settings = MetricsSettings.from(EXAMPLE);

    @Test
    void rolledUpDaysGiveExactlyTheFiguresOfTheRawRows() {
        int compared = 0;
        for (long seed = 1; seed <= 8; seed++) {
            Random random = new Random(seed);
            long third = seed % 3;
            List<DeployFact> deploys = deploys(random);
            List<IncidentFact> incidents = incidents(random);
            // Pending: none, about a third, all (a backfill not started yet).
            List<RolledUpHistory> ways = List.of(new RolledUpHistory(deploys, incidents, d -> false),
                    new RolledUpHistory(deploys, incidents, d -> d.id() % 3 == third),
                    new RolledUpHistory(deploys, incidents, d -> true));
            for (MetricsPeriod period : periods()) {
                for (Optional<String> service : List.of(Optional.<String>empty(), Optional.of("commons"), Optional.of("billing"))) {
                    DeliveryReport expected = reference(ways.get(0), service, period);
                    for (RolledUpHistory way : ways) {
                        assertThat(new DeliveryMetrics(way, EXAMPLE, clock).report(service, period))
                                .as("seed %d, %s, %s", seed, period, service).isEqualTo(expected);
                        compared++;
                    }
                }
            }
            // The test would notice a figure that differs: the histories are not empty ones.
            assertThat(reference(ways.get(0), Optional.empty(), MetricsPeriod.lastDays(clock, 365)).overall().failedChanges())
                    .isGreaterThan(reference(ways.get(0), Optional.empty(), MetricsPeriod.lastDays(clock, 365)).overall().failures());
        }
        assertThat(compared).isEqualTo(8 * periods().size() * 3 * 3);
    }

    @Test
    void aRolledUpDayHoldsTheDaysDeploysOnce() {
        Random random = new Random(42);
        RolledUpHistory h = new RolledUpHistory(deploys(random), incidents(random), d -> false);
        MetricsPeriod year = MetricsPeriod.lastDays(clock, 365);
        DeliverySlice slice = h.slice(year, settings.environments(), java.util.Set.of("commons"));
        int rolled = slice.days().stream().filter(d -> d.service().isEmpty()).mapToInt(d -> d.succeeded() + d.failed()).sum();
        assertThat(slice.days()).isNotEmpty();
        assertThat(rolled + slice.finished().size()).isEqualTo(h.finishedBetween(year.from(), year.to(), List.of("prod")).size());
        // Today (cut at now) is raw, every other day rolled up.
        assertThat(slice.finished()).allSatisfy(d -> assertThat(d.finishedAt().get()).isAfterOrEqualTo(now.truncatedTo(ChronoUnit.DAYS)));
    }

    private DeliveryReport reference(RolledUpHistory h, Optional<String> service, MetricsPeriod period) {
        Instant lookAhead = period.to().plus(settings.failureWindow());
        return new RawDeliveryCalculator(settings, h.finishedBetween(period.from(), period.to(), settings.environments()),
                h.rollbacksRequestedBetween(period.from(), lookAhead), h.incidentsBetween(period.from(), lookAhead))
                .report(service, List.copyOf(EXAMPLE.services().keySet()), period);
    }

    private List<MetricsPeriod> periods() {
        return List.of(MetricsPeriod.lastDays(clock, 365), MetricsPeriod.lastDays(clock, 30),
                MetricsPeriod.lastDays(clock, 7), MetricsPeriod.lastDays(clock, 1),
                MetricsPeriod.ofDays(LocalDate.parse("2025-12-01"), LocalDate.parse("2026-02-15")),
                new MetricsPeriod(now.minus(Duration.ofDays(40)).minusSeconds(5 * 3600 + 7), now.minus(Duration.ofDays(3)).plusSeconds(7200)));
    }

    private List<DeployFact> deploys(Random random) {
        List<DeployFact> out = new ArrayList<>();
        Instant start = now.minus(Duration.ofDays(400));
        for (long id = 1; id <= 900; id++) {
            Instant requested = start.plus(random.nextLong(Duration.ofDays(402).toNanos() / 1000), ChronoUnit.MICROS);
            String state = STATES[random.nextInt(STATES.length)];
            // Lead times often equal (whole minutes), sometimes to the microsecond.
            long leadMicros = random.nextBoolean() ? (10 + random.nextInt(50)) * 60_000_000L
                    : random.nextLong(Duration.ofHours(30).toNanos() / 1000);
            Optional<Instant> finished = state.equals("REQUESTED") ? Optional.empty()
                    : Optional.of(requested.plus(leadMicros, ChronoUnit.MICROS));
            Optional<Long> rollbackOf = random.nextInt(12) == 0 && id > 1 ? Optional.of(id - 1) : Optional.empty();
            out.add(new DeployFact(id, SERVICES[random.nextInt(SERVICES.length)], ENVS[random.nextInt(ENVS.length)],
                    state, requested, finished, rollbackOf));
        }
        return out;
    }

    private List<IncidentFact> incidents(Random random) {
        List<IncidentFact> out = new ArrayList<>();
        Instant start = now.minus(Duration.ofDays(400));
        for (long n = 1; n <= 70; n++) {
            Instant started = start.plus(random.nextLong(Duration.ofDays(401).toSeconds()), ChronoUnit.SECONDS);
            Optional<Instant> resolved = random.nextInt(6) == 0 ? Optional.empty()
                    : Optional.of(started.plus(Duration.ofMinutes(20 + random.nextInt(3000))));
            out.add(new IncidentFact(n, TITLES[random.nextInt(TITLES.length)], started, resolved));
        }
        return out;
    }
}
