package dev.flightdeck.deploy.fakes;

import dev.flightdeck.audit.Auditor;
import dev.flightdeck.audit.InMemoryAuditLog;
import dev.flightdeck.deploy.ApprovalPolicy;
import dev.flightdeck.deploy.ApproverRef;
import dev.flightdeck.deploy.DeployChecklists;
import dev.flightdeck.deploy.DeployMoves;
import dev.flightdeck.deploy.DeployOverrides;
import dev.flightdeck.deploy.DeployScheduler;
import dev.flightdeck.deploy.DeployService;
import dev.flightdeck.deploy.DeployStarts;
import dev.flightdeck.deploy.EnvironmentConfig;
import dev.flightdeck.deploy.Gate;
import dev.flightdeck.deploy.ManualLocks;
import dev.flightdeck.deploy.PreDeployChecks;
import dev.flightdeck.deploy.RequestDeploy;
import dev.flightdeck.deploy.StuckBuilds;
import dev.flightdeck.deploy.check.LockCheck;
import dev.flightdeck.deploy.check.WindowCheck;
import dev.flightdeck.envconfig.EnvConfigSettings;
import dev.flightdeck.incident.IncidentsConfig;
import dev.flightdeck.team.BuildBackendConfig;
import dev.flightdeck.team.ChannelRef;
import dev.flightdeck.team.ServiceConfig;
import dev.flightdeck.team.TeamConfig;
import dev.flightdeck.team.WebhooksConfig;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static dev.flightdeck.deploy.EnvironmentConfig.DEFAULT_POST_RELEASE_CHECK;
import dev.flightdeck.deploy.check.CheckWords;
import dev.flightdeck.slack.deploy.SlackCheckWords;
import dev.flightdeck.deploy.OutgoingCalls;

/**
 * The deploy use cases wired by hand on in-memory ports, no container: a team with service {@code commons} and
 * two environments. PROD: one go from U0LEAD or a member of @release-managers (U0RM1, U0RM2), never the requester,
 * the lock gate on, the runner presses Start; approvers nudged after 15 minutes, the runner after 30, expiry after
 * 4 hours. STAGING: announce only, auto-start.
 */
public final class DeployWorld {

    public static final String LEAD = "U0LEAD";
    public static final String RM1 = "U0RM1";
    public static final String RM2 = "U0RM2";
    public static final String DEV = "U0DEV";
    public static final String RUNNER = "U0RUN";
    public static final String OUTSIDER = "U0OUT";
    public static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");

    public final MutableClock clock = new MutableClock(T0);
    public final InMemoryDeployRepository repository = new InMemoryDeployRepository();
    public final RecordingAnnouncer announcer = new RecordingAnnouncer();
    public final FakeBuildBackend backend = new FakeBuildBackend();
    public final FakeApproverDirectory directory = new FakeApproverDirectory().group("release-managers", RM1, RM2);
    public final InMemoryAuditLog audit = new InMemoryAuditLog();
    public final TeamConfig team;
    public final DeployMoves moves;
    public final ApprovalPolicy policy;
    public final RequestDeploy requests;
    public final DeployStarts starts;
    public final DeployService deploys;
    public final DeployOverrides overrides;
    public final DeployScheduler scheduler;
    public final ManualLocks locks;
    public final DeployChecklists checklists;

    public DeployWorld() {
        this(1);
    }

    /** @param prodApprovals goes needed in PROD */
    public DeployWorld(int prodApprovals) {
        this(prodApprovals, false, Map.of());
    }

    /**
     * @param prodAutoStart  whether PROD starts the build on go
     * @param checklistByEnv the team file's checklist of {@code commons}, per environment (none by default)
     */
    public DeployWorld(int prodApprovals, boolean prodAutoStart, Map<String, List<String>> checklistByEnv) {
        team = new TeamConfig(Map.of(
                "prod", env("prod", prodApprovals, prodAutoStart),
                "staging", env("staging", 0, true)),
                Map.of("commons", new ServiceConfig("commons", new BuildBackendConfig.CodeBuild("commons-{env}"),
                        EnvConfigSettings.NONE, Optional.empty(), Map.of(), Optional.empty(), Optional.empty(),
                        List.of(), checklistByEnv)),
                IncidentsConfig.defaults(), WebhooksConfig.NONE);
        Auditor auditor = new Auditor(audit, payload -> payload.toString(), clock);
        policy = new ApprovalPolicy(directory);
        announcer.storesIn(repository);
        // The checks' findings in the words the team reads (the Slack feature's, a plain class).
        CheckWords words = new SlackCheckWords();
        moves = new DeployMoves(repository, auditor, team, announcer, clock, List.of());
        starts = new DeployStarts(repository, moves, announcer, backend, team, OutgoingCalls.untraced());
        StuckBuilds stuck = new StuckBuilds(repository, moves, policy, announcer);
        deploys = new DeployService(repository, new DirectTransactions(), moves, policy, announcer, starts, stuck, auditor, clock);
        overrides = new DeployOverrides(repository, new DirectTransactions(), moves, policy, announcer, starts, auditor);
        PreDeployChecks checks = new PreDeployChecks(List.of(new LockCheck(repository, words), new WindowCheck()), words);
        requests = new RequestDeploy(team, checks, repository, moves, announcer, starts, auditor, clock);
        checklists = new DeployChecklists(repository, moves, policy, starts, auditor, clock);
        scheduler = new DeployScheduler(repository, moves, announcer, auditor, clock, DeployScheduler.CLAIM_LEASE);
        locks = new ManualLocks(repository, policy, team, auditor, clock);
    }

    private static EnvironmentConfig env(String name, int approvals, boolean autoStart) {
        return new EnvironmentConfig(name, new ChannelRef.Named("deploys-" + name), approvals,
                List.of(new ApproverRef.User(LEAD), new ApproverRef.Group("release-managers")), false,
                Optional.empty(), Optional.empty(), Set.of(Gate.LOCK), autoStart, Duration.ofMinutes(15),
                Duration.ofMinutes(30), Duration.ofHours(4), DEFAULT_POST_RELEASE_CHECK);
    }

    public EnvironmentConfig prod() {
        return team.environment("prod").orElseThrow();
    }
}
