import dev.flightdeck.audit.AuditEvent;
import dev.flightdeck.audit.AuditLog;
import dev.flightdeck.deploy.Approval;
import dev.flightdeck.deploy.CheckResult;
import dev.flightdeck.deploy.DeployRepository;
import dev.flightdeck.deploy.DeployRequest;
import dev.flightdeck.deploy.DeployState;
import dev.flightdeck.deploy.PostReleaseChecks;
import dev.flightdeck.deploy.PostReleaseRepository;
import dev.flightdeck.incident.Incident;
import dev.flightdeck.incident.IncidentRepository;
import dev.flightdeck.incident.Severity;
import dev.flightdeck.incident.TimelineEntry;
import dev.flightdeck.metrics.DeliveryRollupStore;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.transaction.TransactionOperations;

import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The growth benchmark's filler and timer (issue 20 item 3), run by bench/growth.sh against the built jar's classpath:
 *   java -cp target/flightdeck.jar:target/bench Growth JDBC_URL USER SCALE
 * Starts Flightdeck in this process on that (empty) database, with its HTTP server on a random loopback port, Slack
 * unconfigured and the schedulers' caps at an hour (so only the timed passes run them). Fills SCALE times a busy
 * team's year through the service's own repositories (one team-year = 52 weeks of 100 deploys, with checks, approvals
 * and audit events, and 5 incidents with timelines and audit events; SCALE 1 = one team for a year, 10 = two teams for
 * five years, 100 = twenty teams for five years), fifty deploys (or five incidents) per transaction, a week per task,
 * GROWTH_THREADS (8) at once: team-year 0 only, the others copied from it in SQL ({@link GrowthClone}; GROWTH_CLONE=0
 * writes them all through the repositories); GROWTH_FILL=0 measures a database filled before. Then times, RUNS times after
 * WARMUP untimed runs: the three pages by real HTTP GETs (signed in with the local access link), /deploy stats,
 * /deploy history and /incident list through the service beans their handlers call, and one pass of each scheduler.
 * Prints "measure <name> p50=<ms> p95=<ms>" lines and "fill ..." figures.
 */
public final class Growth {

    private static final int WEEKS_PER_YEAR = 52;
    private static final int DEPLOYS_PER_WEEK = 100;
    private static final int INCIDENTS_PER_WEEK = 5;
    private static final int SERVICES_PER_TEAM = 8;
    private static final String[] ENVS = {"staging", "prod"};
    private static final int THREADS = Integer.parseInt(System.getenv().getOrDefault("GROWTH_THREADS", "8"));
    private static final boolean CLONE = !"0".equals(System.getenv("GROWTH_CLONE"));
    private static final String[] PEOPLE = {"U0GROWA", "U0GROWB", "U0GROWC", "U0GROWD", "U0GROWE", "U0GROWF"};

    public static void main(String[] args) throws Exception {
        String url = args[0];
        String user = args[1];
        int scale = Integer.parseInt(args[2]);
        // 60: the p95 is then the third-slowest run, not one stray run (round 9: 20 runs put single slow runs over 2x).
        int runs = Integer.parseInt(System.getenv().getOrDefault("RUNS", "60"));
        int warmup = Integer.parseInt(System.getenv().getOrDefault("WARMUP", "5"));
        int years = Math.min(5, scale);
        int teams = Math.max(1, scale / years);

        Map<String, Object> props = new HashMap<>();
        props.put("datasources.default.url", url);
        props.put("datasources.default.username", user);
        props.put("datasources.default.password", "");
        props.put("datasources.default.maximum-pool-size", THREADS + 2);
        if (url.startsWith("jdbc:postgresql")) {
            props.put("datasources.default.driver-class-name", "org.postgresql.Driver");
        }
        props.put("micronaut.config.files", System.getenv("FLIGHTDECK_TEAM_FILE"));
        props.put("micronaut.server.port", Integer.parseInt(System.getenv().getOrDefault("GROWTH_PORT", "-1"))); // -1: any free port
        props.put("micronaut.server.host", "127.0.0.1");
        props.put("flightdeck.deploy.scheduler-interval", "1h");
        props.put("incident-jobs.interval", "1h");
        props.put("flightdeck.outbox.interval", "1h");
        props.put("flightdeck.build.poll-every", "1h");
        props.put("flightdeck.metrics.rollup-interval", "1h");
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, props)) {
            ApplicationContext ctx = server.getApplicationContext();
            long started = System.nanoTime();
            if ("0".equals(System.getenv("GROWTH_FILL"))) { // measure a database filled by an earlier run
                new GrowthTimer(ctx, server.getURI(), runs, warmup).all();
                return;
            }
            Counts counts = new Filler(ctx, years, teams, url.startsWith("jdbc:postgresql")).fill();
            System.out.printf("fill scale=%d teams=%d years=%d deploys=%d incidents=%d audit=%d timeline=%d seconds=%.1f%n",
                    scale, teams, years, counts.deploys.get(), counts.incidents.get(), counts.audit.get(),
                    counts.timeline.get(), (System.nanoTime() - started) / 1e9);
            long settling = System.nanoTime();
            GrowthClone.settle(ctx.getBean(javax.sql.DataSource.class), url.startsWith("jdbc:postgresql"));
            System.out.printf("fill settled (%s) seconds=%.1f%n", url.startsWith("jdbc:postgresql") ? "VACUUM ANALYZE" : "ANALYZE",
                    (System.nanoTime() - settling) / 1e9);
            new GrowthTimer(ctx, server.getURI(), runs, warmup).all();
        }
    }

    private record Counts(AtomicLong deploys, AtomicLong incidents, AtomicLong audit, AtomicLong timeline) {
        Counts() {
            this(new AtomicLong(), new AtomicLong(), new AtomicLong(), new AtomicLong());
        }
    }

    /** Writes the history, one team-year per task, through the domain's repository ports. */
    private static final class Filler {
        private final DeployRepository deploys;
        private final IncidentRepository incidents;
        private final AuditLog audit;
        private final PostReleaseRepository watches;
        private final TransactionOperations<Connection> tx;
        private final ApplicationContext ctx;
        private final javax.sql.DataSource dataSource;
        private final boolean postgres;
        private final int years;
        private final int teams;
        private final Counts counts = new Counts();
        private final Instant now = Instant.now();

        @SuppressWarnings("unchecked")
        Filler(ApplicationContext ctx, int years, int teams, boolean postgres) {
            this.ctx = ctx;
            this.deploys = ctx.getBean(DeployRepository.class);
            this.incidents = ctx.getBean(IncidentRepository.class);
            this.audit = ctx.getBean(AuditLog.class);
            this.watches = ctx.getBean(PostReleaseRepository.class);
            this.tx = ctx.getBean(TransactionOperations.class);
            this.dataSource = ctx.getBean(javax.sql.DataSource.class);
            this.postgres = postgres;
            this.years = years;
            this.teams = teams;
        }

        Counts fill() throws Exception {
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            List<Future<?>> work = new ArrayList<>();
            // One team-year through the repositories, its weeks spread over the threads; the rest copied from it in
            // SQL (GrowthClone), unless GROWTH_CLONE=0 (every team-year through the repositories, as round 4 did).
            int repoTeams = CLONE ? 1 : teams;
            int repoYears = CLONE ? 1 : years;
            for (int team = 0; team < repoTeams; team++) {
                for (int year = 0; year < repoYears; year++) {
                    for (int week = 0; week < WEEKS_PER_YEAR; week++) {
                        int t = team;
                        int y = year;
                        int w = week;
                        work.add(pool.submit(() -> week(t, y, w)));
                    }
                }
            }
            for (Future<?> f : work) {
                f.get();
            }
            pool.shutdown();
            System.out.println("fill part-two per team-year " + GrowthPartTwo.fill(ctx, dataSource, now));
            if (CLONE) {
                long copied = System.nanoTime();
                int copies = GrowthClone.multiply(dataSource, postgres, teams, years);
                System.out.printf("fill copied team-year 0 into %d team-years in %.1f s%n", copies,
                        (System.nanoTime() - copied) / 1e9);
                for (AtomicLong n : List.of(counts.deploys, counts.incidents, counts.audit, counts.timeline)) {
                    n.set(n.get() * (copies + 1));
                }
            }
            // The daily rollup of delivery metrics, through the service's own store as its waker would (all of it now,
            // so the measures read a caught-up rollup, as a running service has a minute after its deploys finish).
            long folding = System.nanoTime();
            DeliveryRollupStore rollup = ctx.getBean(DeliveryRollupStore.class);
            long folded = 0;
            for (int n; (n = rollup.foldPending(5000)) > 0; ) {
                folded += n;
            }
            long[] check = GrowthClone.rollupCheck(dataSource);
            System.out.printf("fill rollup folded=%d rolled-up=%d finished=%d seconds=%.1f%n", folded, check[0], check[1],
                    (System.nanoTime() - folding) / 1e9);
            if (check[0] != check[1]) {
                throw new IllegalStateException("the rollup holds " + check[0] + " deploys of " + check[1]);
            }
            // The present: a few requests waiting for a decision and two open incidents, so the schedulers have items.
            for (int team = 0; team < teams; team++) {
                for (int i = 0; i < 3; i++) {
                    Instant at = now.minus(Duration.ofMinutes(5 + i));
                    deploys.insert(request(service(team, i), "prod", "9.9." + i, DeployState.REQUESTED, at,
                            null, at.plus(Duration.ofMinutes(15)), at.plus(Duration.ofHours(4))), checks(false));
                }
            }
            for (int i = 0; i < 2; i++) {
                Instant at = now.minus(Duration.ofMinutes(30 + i));
                incidents.create(new IncidentRepository.NewIncident("Open incident " + i, Severity.values()[1],
                        PEOPLE[i], "C0GROW", at, Optional.of(now.plus(Duration.ofMinutes(20)))));
            }
            GrowthPartTwo.present(ctx, incidents.open().get(0).number(), now);
            return counts;
        }

        private void week(int team, int year, int week) {
            Random random = new Random(team * 31L + year * 7919L + week * 104729L);
            Instant weekStart = now.minus(Duration.ofDays(365L * (year + 1))).plus(Duration.ofDays(7L * week));
            tx.executeWrite(s -> {
                for (int d = 0; d < DEPLOYS_PER_WEEK / 2; d++) {
                    deploy(team, random, weekStart, week, d);
                }
                return null;
            });
            tx.executeWrite(s -> {
                for (int d = DEPLOYS_PER_WEEK / 2; d < DEPLOYS_PER_WEEK; d++) {
                    deploy(team, random, weekStart, week, d);
                }
                return null;
            });
            tx.executeWrite(s -> {
                for (int i = 0; i < INCIDENTS_PER_WEEK; i++) {
                    incident(team, random, weekStart);
                }
                return null;
            });
        }

        private void deploy(int team, Random random, Instant weekStart, int week, int n) {
            String service = service(team, random.nextInt(SERVICES_PER_TEAM));
            String env = ENVS[n % 2];
            Instant requested = weekStart.plus(Duration.ofMinutes(random.nextInt(7 * 24 * 60)));
            double roll = random.nextDouble();
            DeployState state = roll < 0.85 ? DeployState.SUCCEEDED : roll < 0.92 ? DeployState.FAILED
                    : roll < 0.96 ? DeployState.REJECTED : DeployState.EXPIRED;
            Instant finished = requested.plus(Duration.ofMinutes(10 + random.nextInt(50)));
            DeployRequest stored = deploys.insert(request(service, env, "1." + week + "." + n, state, requested, finished,
                    null, null), checks(random.nextInt(50) == 0));
            counts.deploys.incrementAndGet();
            if (env.equals("prod") && state != DeployState.EXPIRED) {
                deploys.addApproval(new Approval(stored.id(), PEOPLE[random.nextInt(PEOPLE.length)],
                        requested.plus(Duration.ofMinutes(3))));
            }
            if (state == DeployState.SUCCEEDED && env.equals("prod")) {
                watches.start(stored.id(), finished, finished.plus(Duration.ofMinutes(5)), finished);
                watches.finish(stored.id(), PostReleaseChecks.PASSED);
            }
            audit("deploy.requested", PEOPLE[0], requested, "{\"request\":" + stored.id() + "}");
            audit("deploy." + state.name().toLowerCase(), "system:build", finished, "{\"request\":" + stored.id() + "}");
        }

        private void incident(int team, Random random, Instant weekStart) {
            Instant started = weekStart.plus(Duration.ofMinutes(random.nextInt(7 * 24 * 60)));
            Severity severity = Severity.values()[random.nextInt(Severity.values().length)];
            Incident i = incidents.create(new IncidentRepository.NewIncident("Checkout errors on team " + team,
                    severity, PEOPLE[random.nextInt(PEOPLE.length)], "C0GROW" + team, started, Optional.empty()));
            incidents.markSetupComplete(i.number());
            TimelineEntry.Kind[] kinds = {TimelineEntry.Kind.DECLARED, TimelineEntry.Kind.ROLE, TimelineEntry.Kind.UPDATE,
                    TimelineEntry.Kind.NOTE, TimelineEntry.Kind.UPDATE, TimelineEntry.Kind.RESOLVED};
            for (int k = 0; k < kinds.length; k++) {
                incidents.addTimeline(i.number(), new TimelineEntry(started.plus(Duration.ofMinutes(10L * k)),
                        PEOPLE[k % PEOPLE.length], kinds[k], "step " + k + " of the incident"), Optional.empty());
                counts.timeline.incrementAndGet();
            }
            Instant resolved = started.plus(Duration.ofMinutes(60 + random.nextInt(300)));
            incidents.resolve(i.number(), resolved, new Incident.SummaryText("Summary", "Checkout", "A bad deploy",
                    "A canary"));
            counts.incidents.incrementAndGet();
            audit("incident.declared", PEOPLE[1], started, "{\"incident\":" + i.number() + "}");
            audit("incident.resolved", PEOPLE[1], resolved, "{\"incident\":" + i.number() + "}");
        }

        private void audit(String type, String actor, Instant at, String payload) {
            audit.append(new AuditEvent(UUID.randomUUID(), type, 1, actor, at, Optional.empty(), payload));
            counts.audit.incrementAndGet();
        }

        private static DeployRequest request(String service, String env, String version, DeployState state,
                                             Instant requested, Instant finished, Instant nudge, Instant expires) {
            boolean ran = state == DeployState.SUCCEEDED || state == DeployState.FAILED;
            Instant changed = finished == null ? requested : finished;
            return new DeployRequest(0, service, env, version, PEOPLE[0], PEOPLE[0], null, null, state, 1, requested,
                    "system:build", null, changed, ran ? requested.plus(Duration.ofMinutes(5)) : null,
                    state.isFinal() ? changed : null, nudge, 0, expires, "C0GROW", "1700000000.000100",
                    ran ? "build #1" : null, null);
        }

        private static List<CheckResult> checks(boolean blocked) {
            return List.of(CheckResult.passed("window", "inside the deploy window"),
                    CheckResult.passed("lock", "no lock"),
                    blocked ? CheckResult.blocked("alarms", "1 alarm firing") : CheckResult.passed("alarms", "no alarms"),
                    CheckResult.passed("freeze", "no freeze"));
        }
    }

    /** Team 0's first services are the example team file's; the others are names the file does not know. */
    static String service(int team, int k) {
        String[] known = {"commons", "billing", "web", "reports"};
        return team == 0 && k < known.length ? known[k] : "t" + team + "-svc" + k;
    }
}
