import dev.flightdeck.alarms.Alert;
import dev.flightdeck.alarms.AlertEpisode;
import dev.flightdeck.alarms.AlertEpisodeStore;
import dev.flightdeck.alarms.AlertState;
import dev.flightdeck.deploy.flags.FlagRepository;
import dev.flightdeck.deploy.flags.FlagRequest;
import dev.flightdeck.deploy.flags.FlagState;
import dev.flightdeck.deploy.slots.SlotClaim;
import dev.flightdeck.deploy.slots.SlotClaimState;
import dev.flightdeck.deploy.slots.SlotClaimStore;
import dev.flightdeck.envconfig.change.ChangeKind;
import dev.flightdeck.envconfig.change.ChangeState;
import dev.flightdeck.envconfig.change.ConfigChange;
import dev.flightdeck.envconfig.change.ConfigChangeRepository;
import dev.flightdeck.envconfig.change.ConfigEvent;
import dev.flightdeck.envconfig.change.ConfigHistory;
import dev.flightdeck.envconfig.change.ConfigTarget;
import dev.flightdeck.envconfig.change.ValueChange;
import dev.flightdeck.incident.IncidentStatus;
import dev.flightdeck.incident.access.AccessGrant;
import dev.flightdeck.incident.access.AccessGrantStore;
import dev.flightdeck.incident.access.AccessState;
import dev.flightdeck.incident.followup.FollowUp;
import dev.flightdeck.incident.followup.FollowUpState;
import dev.flightdeck.incident.followup.FollowUpStore;
import dev.flightdeck.incident.paging.Page;
import dev.flightdeck.incident.paging.PageState;
import dev.flightdeck.incident.paging.PageStore;
import dev.flightdeck.incident.status.PublicUpdate;
import dev.flightdeck.incident.status.PublicUpdates;
import dev.flightdeck.alarms.AlertNudges;
import dev.flightdeck.deploy.flags.FlagScheduler;
import dev.flightdeck.deploy.slots.SlotExpiry;
import dev.flightdeck.envconfig.change.ConfigChangeScheduler;
import dev.flightdeck.incident.access.AccessJob;
import dev.flightdeck.incident.followup.FollowUpReminders;
import dev.flightdeck.incident.paging.PageSender;
import io.micronaut.context.ApplicationContext;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.IntSupplier;

/**
 * Part two's tables in the growth benchmark's team-year (bench/Growth.java), written through the service's own store
 * ports: per team-year 500 alert episodes, 300 config changes, 15 follow-ups, 10 pages, 30 status updates, 20 access grants (on the team-year's incidents),
 * 400 slot claims and 200 flag requests, all finished (done, resolved, revoked, released/expired, applied/rejected/
 * expired) at times through the year; {@link #present} adds a few open ones whose next due moment is ahead, so the
 * schedulers' due queries have live rows among the history. Also 300 config changes (APPLIED ones with an approval
 * and their version event). And 500 alert episodes (fired, OK,
 * closed). Not filled: pending secret values (V24, only while a secret change is PROPOSED).
 */
final class GrowthPartTwo {

    static final int CONFIG_CHANGES = 300;
    static final int ALERT_EPISODES = 500;
    static final int FOLLOW_UPS = 15;
    static final int PAGES = 10;
    static final int STATUS_UPDATES = 30;
    static final int ACCESS_GRANTS = 20;
    static final int SLOT_CLAIMS = 400;
    static final int FLAG_REQUESTS = 200;
    private static final String[] PEOPLE = {"U0GROWA", "U0GROWB", "U0GROWC", "U0GROWD", "U0GROWE", "U0GROWF"};
    private static final String[] POOLS = {"staging-slots", "perf-env", "demo-env"};

    private GrowthPartTwo() {
    }

    private record Inc(long number, Instant started) {
    }

    /** Team-year 0's part-two history (call after its incidents are written, before GrowthClone copies it). */
    static String fill(ApplicationContext ctx, DataSource ds, Instant now) throws Exception {
        List<Inc> incs = new ArrayList<>();
        try (Connection c = DelegatingDataSource.unwrapDataSource(ds).getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT id, started_at FROM incident ORDER BY id")) {
            while (rs.next()) {
                incs.add(new Inc(rs.getLong(1), rs.getTimestamp(2).toInstant()));
            }
        }
        Random random = new Random(20);
        FollowUpStore followUps = ctx.getBean(FollowUpStore.class);
        for (int i = 0; i < FOLLOW_UPS; i++) {
            Inc inc = incs.get(i * incs.size() / FOLLOW_UPS);
            Instant at = inc.started.plus(Duration.ofHours(6));
            FollowUp f = followUps.add(new FollowUpStore.NewFollowUp(inc.number, "Add a canary check " + i,
                    Optional.empty(), PEOPLE[i % PEOPLE.length], PEOPLE[0], at,
                    at.plus(Duration.ofDays(14)).atZone(ZoneOffset.UTC).toLocalDate(), at.plus(Duration.ofDays(14)),
                    FollowUp.Export.none()));
            Instant closed = at.plus(Duration.ofDays(3 + random.nextInt(20)));
            followUps.update(new FollowUp(f.id(), f.version(), f.incidentNumber(), f.text(), f.link(), f.owner(),
                    f.createdBy(), f.createdAt(), f.due(), i % 5 == 0 ? FollowUpState.WONT_DO : FollowUpState.DONE,
                    Optional.of(f.owner()), Optional.empty(), Optional.of(closed), Optional.empty(), 1, f.export()))
                    .orElseThrow();
        }
        PageStore pages = ctx.getBean(PageStore.class);
        for (int i = 0; i < PAGES; i++) {
            Inc inc = incs.get(i * incs.size() / PAGES);
            Page p = pages.insert(new Page.New(inc.number, "platform", Optional.of("Checkout errors"), PEOPLE[1],
                    inc.started.plus(Duration.ofMinutes(5)))).orElseThrow();
            pages.move(p, finished(p, inc.started.plus(Duration.ofHours(2)))).orElseThrow();
        }
        PublicUpdates updates = ctx.getBean(PublicUpdates.class);
        for (int i = 0; i < STATUS_UPDATES; i++) {
            Inc inc = incs.get(i / 3 * incs.size() / (STATUS_UPDATES / 3));
            IncidentStatus status = IncidentStatus.values()[1 + i % 3];
            updates.add(new PublicUpdate.New(inc.number, PublicUpdate.Kind.UPDATE, status,
                    "We are looking into slow checkouts (" + status + ").", inc.started.plus(Duration.ofMinutes(20L * (i % 3 + 1)))));
        }
        AccessGrantStore grants = ctx.getBean(AccessGrantStore.class);
        for (int i = 0; i < ACCESS_GRANTS; i++) {
            Inc inc = incs.get(i * incs.size() / ACCESS_GRANTS);
            Instant at = inc.started.plus(Duration.ofMinutes(15));
            AccessGrant g = grants.create(new AccessGrant.New(inc.number, PEOPLE[i % PEOPLE.length], "ProdReadOnly",
                    "arn:aws:sso:::permissionSet/ssoins-1/ps-1", "arn:aws:sso:::instance/ssoins-1", "123456789012",
                    Duration.ofHours(1), "look at the logs", at, at.plus(Duration.ofMinutes(30))));
            AccessGrant ended = g.decided(PEOPLE[0]).granted(at.plus(Duration.ofMinutes(2))).with(AccessState.REVOKED)
                    .ending(AccessGrant.End.EXPIRED).ended(at.plus(Duration.ofMinutes(62))).due(Optional.empty());
            grants.move(g, ended).orElseThrow();
        }
        SlotClaimStore slots = ctx.getBean(SlotClaimStore.class);
        Instant yearStart = now.minus(Duration.ofDays(365));
        for (int i = 0; i < SLOT_CLAIMS; i++) {
            Instant at = yearStart.plus(Duration.ofMinutes(i * (365L * 24 * 60 / SLOT_CLAIMS)));
            String pool = POOLS[i % POOLS.length];
            SlotClaim held = slots.insert(SlotClaim.held(pool, pool + "-" + (i % 4), null, PEOPLE[i % PEOPLE.length],
                    "testing " + i, Duration.ofHours(4), at)).orElseThrow();
            boolean expired = i % 4 == 0;
            Instant end = expired ? held.expiresAt() : at.plus(Duration.ofMinutes(30 + random.nextInt(180)));
            slots.update(held, new SlotClaim(held.id(), held.version(), pool, held.slot(), null, held.userId(),
                    held.purpose(), held.hold(), expired ? SlotClaimState.EXPIRED : SlotClaimState.RELEASED,
                    held.queuedAt(), held.heldSince(), held.expiresAt(), expired, end,
                    expired ? "system:expiry" : held.userId())).orElseThrow();
        }
        FlagRepository flags = ctx.getBean(FlagRepository.class);
        for (int i = 0; i < FLAG_REQUESTS; i++) {
            Instant at = yearStart.plus(Duration.ofMinutes(i * (365L * 24 * 60 / FLAG_REQUESTS)));
            double roll = random.nextDouble();
            FlagState state = roll < 0.85 ? FlagState.APPLIED : roll < 0.95 ? FlagState.REJECTED : FlagState.EXPIRED;
            flags.insert(new FlagRequest(0, "checkout-v" + (i % 20), i % 2 == 0 ? "staging" : "prod",
                    i % 2 == 0 ? "stg" : "production", i % 3 != 0, PEOPLE[i % PEOPLE.length], state, List.of(),
                    Optional.empty(), new FlagRequest.Timers(at, null, 0, null, at.plus(Duration.ofMinutes(20))),
                    Optional.empty(), Optional.empty()));
        }
        configChanges(ctx, yearStart, random);
        alertEpisodes(ctx, yearStart, random);
        return String.format("alert-episodes=%d config-changes=%d follow-ups=%d pages=%d status-updates=%d access=%d slot-claims=%d flag-requests=%d",
                ALERT_EPISODES, CONFIG_CHANGES, FOLLOW_UPS, PAGES, STATUS_UPDATES, ACCESS_GRANTS, SLOT_CLAIMS, FLAG_REQUESTS);
    }

    /** The present's open items, each next due ahead of now (so a pass reads them but has nothing to send). */
    static void present(ApplicationContext ctx, long incident, Instant now) {
        FollowUpStore followUps = ctx.getBean(FollowUpStore.class);
        for (int i = 0; i < 2; i++) {
            followUps.add(new FollowUpStore.NewFollowUp(incident, "Open follow-up " + i, Optional.empty(), PEOPLE[i],
                    PEOPLE[0], now, now.plus(Duration.ofDays(7)).atZone(ZoneOffset.UTC).toLocalDate(),
                    now.plus(Duration.ofDays(6)), FollowUp.Export.none()));
        }
        SlotClaimStore slots = ctx.getBean(SlotClaimStore.class);
        for (int i = 0; i < 3; i++) {
            slots.insert(SlotClaim.held(POOLS[i], POOLS[i] + "-0", null, PEOPLE[i], "open", Duration.ofHours(8), now))
                    .orElseThrow();
        }
        ctx.getBean(AlertEpisodeStore.class).open(new AlertEpisode(0, new Alert("cloudwatch", "web-latency-open",
                "web p99 latency", "web", "prod", AlertState.ALARM, "Threshold crossed", Optional.of("Latency"),
                Optional.of("> 2"), now, Optional.empty(), Optional.empty(), Optional.empty(), "ev-open"), now,
                Optional.empty(), Optional.empty(), Optional.empty(), 0, Optional.empty(),
                Optional.of(now.plus(Duration.ofMinutes(30))), 0, Optional.empty())).orElseThrow();
        ctx.getBean(ConfigChangeRepository.class).insert(new ConfigChange(0, new ConfigTarget("commons", "prod",
                "/commons/prod/OPEN_KEY", "ssm", "String"), ChangeKind.SET, new ValueChange("1", Optional.of("a"),
                Optional.of("b"), "00000001", "00000002"), PEOPLE[0], ChangeState.PROPOSED, List.of(), List.of(), false,
                Optional.empty(), Optional.empty(), new ConfigChange.Timers(now, now.plus(Duration.ofHours(1)), 0,
                now.plus(Duration.ofHours(4)), null), Optional.empty(), "", Optional.empty()));
        FlagRepository flags = ctx.getBean(FlagRepository.class);
        for (int i = 0; i < 2; i++) {
            flags.insert(new FlagRequest(0, "open-flag-" + i, "prod", "production", true, PEOPLE[i],
                    FlagState.REQUESTED, List.of(), Optional.empty(), new FlagRequest.Timers(now,
                    now.plus(Duration.ofHours(1)), 0, now.plus(Duration.ofHours(4)), null), Optional.empty(),
                    Optional.empty()));
        }
    }

    /** Config changes through the year, each APPLIED one with its approval and the version event it made. */
    private static void configChanges(ApplicationContext ctx, Instant yearStart, Random random) {
        ConfigChangeRepository changes = ctx.getBean(ConfigChangeRepository.class);
        ConfigHistory history = ctx.getBean(ConfigHistory.class);
        String[] services = {"commons", "billing", "web", "reports"};
        for (int i = 0; i < CONFIG_CHANGES; i++) {
            Instant at = yearStart.plus(Duration.ofMinutes(i * (365L * 24 * 60 / CONFIG_CHANGES)));
            double roll = random.nextDouble();
            ChangeState state = roll < 0.85 ? ChangeState.APPLIED : roll < 0.95 ? ChangeState.REJECTED : ChangeState.EXPIRED;
            String service = services[i % services.length];
            String env = i % 2 == 0 ? "staging" : "prod";
            String key = "/" + service + "/" + env + "/TIMEOUT_MS_" + (i % 25);
            Instant done = at.plus(Duration.ofMinutes(10 + random.nextInt(50)));
            String oldFp = String.format("%08x", i);
            String newFp = String.format("%08x", i + 1_000_000);
            ConfigChange c = changes.insert(new ConfigChange(0, new ConfigTarget(service, env, key, "ssm", "String"),
                    ChangeKind.SET, new ValueChange(String.valueOf(i), Optional.of("100" + i), Optional.of("200" + i),
                    oldFp, newFp), PEOPLE[i % PEOPLE.length], state, List.of(), List.of(), false, Optional.empty(),
                    Optional.empty(), new ConfigChange.Timers(at, null, 0, null, done), Optional.empty(),
                    state == ChangeState.APPLIED ? String.valueOf(i + 1) : "", Optional.empty()));
            if (state == ChangeState.APPLIED) {
                changes.addApproval(c.id(), PEOPLE[(i + 1) % PEOPLE.length]);
                history.record(new ConfigEvent(service, env, key, done, PEOPLE[i % PEOPLE.length], false,
                        String.valueOf(i), String.valueOf(i + 1), oldFp, newFp, Optional.of(c.id())));
            }
        }
    }

    /** Alarm episodes through the year: each fired, went OK 5-125 minutes later, and was closed (open key freed). */
    private static void alertEpisodes(ApplicationContext ctx, Instant yearStart, Random random) {
        AlertEpisodeStore episodes = ctx.getBean(AlertEpisodeStore.class);
        String[] services = {"commons", "billing", "web", "reports"};
        for (int i = 0; i < ALERT_EPISODES; i++) {
            Instant at = yearStart.plus(Duration.ofMinutes(i * (365L * 24 * 60 / ALERT_EPISODES)));
            String service = services[i % services.length];
            Alert alarm = new Alert("cloudwatch", service + "-errors-" + (i % 10), service + " 5xx rate " + (i % 10),
                    service, "prod", AlertState.ALARM, "Threshold crossed", Optional.of("5XXError"),
                    Optional.of("> 5"), at, Optional.empty(), Optional.empty(), Optional.empty(), "ev-" + i + "-a");
            var held = episodes.open(new AlertEpisode(0, alarm, at, Optional.empty(), Optional.empty(),
                    Optional.empty(), 0, Optional.empty(), Optional.empty(), 0, Optional.empty())).orElseThrow();
            Instant ok = at.plus(Duration.ofMinutes(5 + random.nextInt(120)));
            Alert okAlert = new Alert(alarm.source(), alarm.key(), alarm.name(), service, "prod", AlertState.OK,
                    "Back under the threshold", alarm.metric(), alarm.threshold(), ok, Optional.empty(), Optional.empty(),
                    Optional.empty(), "ev-" + i + "-o");
            AlertEpisode e = held.episode();
            var ended = episodes.update(held, new AlertEpisode(e.id(), okAlert, e.firedAt(), Optional.of(ok),
                    Optional.of(PEOPLE[i % PEOPLE.length]), Optional.of(at.plus(Duration.ofMinutes(3))), i % 7 == 0 ? 1 : 0,
                    Optional.empty(), Optional.empty(), 1, Optional.empty()), Optional.of(ok.plus(Duration.ofMinutes(10))))
                    .orElseThrow();
            if (!episodes.close(ended)) {
                throw new IllegalStateException("alert episode " + e.id() + " did not close");
            }
        }
    }

    private static Page finished(Page p, Instant at) {
        return new Page(p.id(), p.incidentNumber(), p.target(), p.dedupKey(), PageState.RESOLVED, p.message(),
                p.requestedBy(), 2, Optional.empty(), Optional.empty(), p.createdAt(), p.version());
    }

    /** One pass of every part-two scheduler this application has (each reads its due rows); which ones, by name. */
    static List<Map.Entry<String, IntSupplier>> schedulers(ApplicationContext ctx) {
        List<Map.Entry<String, IntSupplier>> found = new ArrayList<>();
        ctx.findBean(FollowUpReminders.class).ifPresent(b -> found.add(Map.entry("follow-up-reminders", b::runDue)));
        ctx.findBean(PageSender.class).ifPresent(b -> found.add(Map.entry("page-sender", b::runDue)));
        ctx.findBean(AccessJob.class).ifPresent(b -> found.add(Map.entry("access-job", b::runDue)));
        ctx.findBean(SlotExpiry.class).ifPresent(b -> found.add(Map.entry("slot-expiry", b::runDue)));
        ctx.findBean(FlagScheduler.class).ifPresent(b -> found.add(Map.entry("flag-scheduler", b::runDue)));
        ctx.findBean(ConfigChangeScheduler.class).ifPresent(b -> found.add(Map.entry("config-change-scheduler", b::runDue)));
        ctx.findBean(AlertNudges.class).ifPresent(b -> found.add(Map.entry("alert-nudges", b::runDue)));
        return found;
    }

    static int pass(List<Map.Entry<String, IntSupplier>> schedulers) {
        int n = 0;
        for (var s : schedulers) {
            n += s.getValue().getAsInt();
        }
        return n;
    }
}
