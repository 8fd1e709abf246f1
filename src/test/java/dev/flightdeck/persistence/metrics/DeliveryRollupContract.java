package dev.flightdeck.persistence.metrics;

import dev.flightdeck.config.TeamConfigParser;
import dev.flightdeck.deploy.DeployRepository;
import dev.flightdeck.deploy.DeployRequest;
import dev.flightdeck.deploy.DeployRequests;
import dev.flightdeck.deploy.DeployState;
import dev.flightdeck.incident.Incident;
import dev.flightdeck.incident.IncidentRepository;
import dev.flightdeck.incident.Severity;
import dev.flightdeck.metrics.DeliveryDay;
import dev.flightdeck.metrics.DeliveryHistory;
import dev.flightdeck.metrics.DeliveryMetrics;
import dev.flightdeck.metrics.DeliveryReport;
import dev.flightdeck.metrics.DeliveryRollupStore;
import dev.flightdeck.metrics.DeliverySlice;
import dev.flightdeck.metrics.LeadTimes;
import dev.flightdeck.metrics.MetricsPeriod;
import dev.flightdeck.team.TeamConfig;
import jakarta.inject.Inject;
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
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The daily rollup on H2 and PostgreSQL: finished deploys are queued with their finish and folded into their days
 * once; a report reads the same figures before the fold (all raw), after it (days) and from the raw rows alone; folds
 * running at once on several connections count each deploy once. Each test keeps to a year of its own.
 */
abstract class DeliveryRollupContract {

    static final TeamConfig EXAMPLE = TeamConfigParser.parseFiles(List.of(Path.of("flightdeck.example.yml"))).orElseThrow();

    @Inject
    DeliveryHistory history;
    @Inject
    DeliveryRollupStore rollup;
    @Inject
    DeployRepository deploys;
    @Inject
    IncidentRepository incidents;

    @Test
    void finishedDeploysAreQueuedWithTheirFinishAndFoldedIntoTheirDaysOnce() {
        foldAll();
        Instant day = Instant.parse("2021-05-10T00:00:00Z");
        insert("commons", "prod", DeployState.SUCCEEDED, day.plusSeconds(3600), day.plusSeconds(3600 + 600).plusNanos(123_456_000));
        insert("commons", "prod", DeployState.SUCCEEDED, day.plusSeconds(7200), day.plusSeconds(7200 + 600));
        insert("billing", "prod", DeployState.FAILED, day.plusSeconds(9000), day.plusSeconds(9600));
        insert("billing", "prod", DeployState.ABORTED, day.plusSeconds(9000), day.plusSeconds(9600));   // not a change
        insert("commons", "staging", DeployState.SUCCEEDED, day.plusSeconds(100), day.plusSeconds(200));
        DeployRequest running = deploys.insert(request("web", "prod", DeployState.RUNNING, day.plusSeconds(40_000), null), List.of());
        assertThat(rollup.hasPending()).isTrue();
        assertThat(rollup.foldPending(100)).as("the four finished changes").isEqualTo(4);
        assertThat(rollup.hasPending()).isFalse();
        assertThat(rollup.foldPending(100)).isZero();

        // The running build finishes later: queued by that transition, and only by one that took place.
        DeployRequest done = DeployRequests.from(running).in(DeployState.SUCCEEDED).changedAt(day.plusSeconds(43_000))
                .finishedAt(day.plusSeconds(43_000)).build();
        assertThat(deploys.transition(done, done)).as("refused: the row is not SUCCEEDED").isFalse();
        assertThat(rollup.hasPending()).isFalse();
        assertThat(deploys.transition(running, done)).isTrue();
        assertThat(rollup.foldPending(100)).isEqualTo(1);

        MetricsPeriod thatDay = MetricsPeriod.ofDays(LocalDate.parse("2021-05-10"), LocalDate.parse("2021-05-11"));
        DeliverySlice slice = history.slice(thatDay, List.of("prod"), Set.of("commons", "web"));
        assertThat(slice.finished()).as("nothing raw: a whole day, all folded").isEmpty();
        DeliveryDay all = only(slice, Optional.empty());
        assertThat(all.succeeded()).isEqualTo(3);
        assertThat(all.failed()).isEqualTo(1);
        assertThat(all.leadTimes()).isEqualTo(LeadTimes.of(Map.of(600_000_000L, 1, 600_123_456L, 1, 3_000_000_000L, 1)));
        DeliveryDay commons = only(slice, Optional.of("commons"));
        assertThat(commons.succeeded()).isEqualTo(2);
        assertThat(commons.successes()).containsExactly(day.plusSeconds(3600 + 600).plusNanos(123_456_000), day.plusSeconds(7800));
        assertThat(slice.days()).as("billing was not asked for").noneMatch(d -> d.service().equals(Optional.of("billing")));
        assertThat(history.servicesRolledUp()).contains("commons", "billing", "web");
    }

    @Test
    void aReportIsTheSameBeforeTheFoldAfterItAndFromTheRawRows() {
        foldAll();
        Instant now = Instant.parse("2022-12-31T15:00:00.123456Z");
        Random random = new Random(7);
        String[] services = {"commons", "billing", "web", "t1-svc0"};
        List<Long> prod = new ArrayList<>();
        for (int i = 0; i < 160; i++) {
            Instant requested = now.minus(Duration.ofDays(380)).plus(random.nextLong(Duration.ofDays(381).toSeconds() * 1_000_000L), ChronoUnit.MICROS);
            DeployState state = i % 9 == 0 ? DeployState.FAILED : i % 13 == 0 ? DeployState.REJECTED : DeployState.SUCCEEDED;
            Instant finished = requested.plus(random.nextBoolean() ? 20 * 60_000_000L : random.nextLong(20 * 3_600_000_000L), ChronoUnit.MICROS);
            long id = insert(services[i % services.length], i % 3 == 0 ? "staging" : "prod", state, requested, finished);
            if (i % 3 != 0 && state == DeployState.SUCCEEDED) {
                prod.add(id);
            }
        }
        for (int i = 0; i < 12; i++) {   // rollbacks an hour after a success
            DeployRequest of = deploys.find(prod.get(i * 7)).orElseThrow();
            deploys.insert(DeployRequests.from(request(of.service(), "prod", DeployState.REQUESTED,
                    of.finishedAt().plusSeconds(3600), null)).rollbackOf(of.id()).build(), List.of());
        }
        String[] titles = {"Billing API 500s", "commons emails delayed", "t1-svc0 down", "website down"};
        for (int i = 0; i < 30; i++) {
            Instant started = now.minus(Duration.ofDays(370)).plusSeconds(random.nextInt(370 * 86_400));
            Incident inc = incidents.create(new IncidentRepository.NewIncident(titles[i % titles.length], Severity.SEV2,
                    "U1", "C1", started, Optional.empty()));
            incidents.resolve(inc.number(), started.plusSeconds(600 + random.nextInt(20_000)), new Incident.SummaryText("s", "a", "w", "p"));
        }
        Clock clock = Clock.fixed(now, ZoneOffset.UTC);
        DeliveryHistory rawOnly = rawOnly(history);
        List<MetricsPeriod> periods = List.of(MetricsPeriod.lastDays(clock, 365), MetricsPeriod.lastDays(clock, 30),
                MetricsPeriod.lastDays(clock, 7), new MetricsPeriod(now.minus(Duration.ofDays(200)).plusSeconds(4321), now.minusSeconds(86_400 * 20 + 7)));
        List<DeliveryReport> fromRaw = new ArrayList<>();
        List<DeliveryReport> beforeFold = new ArrayList<>();
        for (MetricsPeriod p : periods) {
            for (Optional<String> service : List.of(Optional.<String>empty(), Optional.of("billing"))) {
                fromRaw.add(new DeliveryMetrics(rawOnly, EXAMPLE, clock).report(service, p));
                beforeFold.add(new DeliveryMetrics(history, EXAMPLE, clock).report(service, p));
            }
        }
        assertThat(rollup.hasPending()).isTrue();
        foldAll();
        List<DeliveryReport> afterFold = new ArrayList<>();
        for (MetricsPeriod p : periods) {
            for (Optional<String> service : List.of(Optional.<String>empty(), Optional.of("billing"))) {
                afterFold.add(new DeliveryMetrics(history, EXAMPLE, clock).report(service, p));
            }
        }
        assertThat(beforeFold).isEqualTo(fromRaw);
        assertThat(afterFold).isEqualTo(fromRaw);
        DeliveryReport year = fromRaw.get(0);
        assertThat(year.overall().failedChanges()).as("rollbacks and incidents made failed changes")
                .isGreaterThan(year.overall().failures());
        assertThat(history.slice(periods.get(0), List.of("prod"), Set.of()).days()).hasSizeGreaterThan(50);
    }

    @Test
    void foldsRunningAtOnceCountEachDeployOnce() throws Exception {
        foldAll();
        Instant day = Instant.parse("2019-03-01T00:00:00Z");
        int n = 120;
        for (int i = 0; i < n; i++) {
            insert(i % 2 == 0 ? "commons" : "billing", "prod", i % 5 == 0 ? DeployState.FAILED : DeployState.SUCCEEDED,
                    day.plusSeconds(i * 3000L), day.plusSeconds(i * 3000L + 900));
        }
        ExecutorService pool = Executors.newFixedThreadPool(3);
        List<Future<Integer>> folders = new ArrayList<>();
        for (int t = 0; t < 3; t++) {
            folders.add(pool.submit(() -> {
                int claimed = 0;
                while (rollup.hasPending()) {
                    try {
                        claimed += rollup.foldPending(7);
                    } catch (RuntimeException collided) {
                        // Two folds made the same day row: the later one rolled back, its batch still queued.
                    }
                }
                return claimed;
            }));
        }
        int claimed = 0;
        for (Future<Integer> f : folders) {
            claimed += f.get();
        }
        pool.shutdown();
        assertThat(claimed).isEqualTo(n);
        MetricsPeriod days = MetricsPeriod.ofDays(LocalDate.parse("2019-03-01"), LocalDate.parse("2019-03-06"));
        DeliverySlice slice = history.slice(days, List.of("prod"), Set.of("commons", "billing"));
        assertThat(slice.finished()).isEmpty();
        assertThat(slice.days().stream().filter(d -> d.service().isEmpty()).mapToInt(d -> d.succeeded() + d.failed()).sum()).isEqualTo(n);
        assertThat(slice.days().stream().filter(d -> d.service().isPresent()).mapToInt(d -> d.succeeded() + d.failed()).sum()).isEqualTo(n);
        assertThat(slice.days().stream().filter(d -> d.service().isEmpty()).mapToInt(DeliveryDay::failed).sum()).isEqualTo(n / 5);
    }

    private void foldAll() {
        while (rollup.foldPending(500) > 0) {
            // until the queue is empty
        }
    }

    private static DeliveryDay only(DeliverySlice slice, Optional<String> service) {
        List<DeliveryDay> found = slice.days().stream().filter(d -> d.service().equals(service)).toList();
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    private long insert(String service, String env, DeployState state, Instant requested, Instant finished) {
        return deploys.insert(request(service, env, state, requested, finished), List.of()).id();
    }

    private static DeployRequest request(String service, String env, DeployState state, Instant requested, Instant finished) {
        return DeployRequests.aRequest().of(service).to(env).version("1.0." + requested.toEpochMilli())
                .by("U1").in(state).requestedAt(requested).movedBy("U2", null)
                .changedAt(finished == null ? requested : finished)
                .startedAt(finished == null ? null : requested.plusSeconds(1)).finishedAt(finished).build();
    }

    /** The same store without its rollup: every deploy read raw (the interface's default slice). */
    private static DeliveryHistory rawOnly(DeliveryHistory h) {
        return new DeliveryHistory() {
            @Override
            public List<DeployFact> finishedBetween(Instant from, Instant to) {
                return h.finishedBetween(from, to);
            }

            @Override
            public List<DeployFact> finishedBetween(Instant from, Instant to, List<String> environments) {
                return h.finishedBetween(from, to, environments);
            }

            @Override
            public List<DeployFact> rollbacksRequestedBetween(Instant from, Instant to) {
                return h.rollbacksRequestedBetween(from, to);
            }

            @Override
            public List<IncidentFact> incidentsBetween(Instant from, Instant to) {
                return h.incidentsBetween(from, to);
            }

            @Override
            public boolean isEmpty() {
                return h.isEmpty();
            }
        };
    }
}
