package dev.flightdeck.deploy;

import dev.flightdeck.audit.Auditor;
import dev.flightdeck.team.ServiceConfig;
import dev.flightdeck.team.TeamConfig;
import dev.flightdeck.deploy.check.DeployCandidate;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * {@code /deploy <service> <version> to <env>}: runs the pre-deploy checks, stores the request, posts the go/no-go
 * message. Runs after the Slack ack (checks may call AWS). Where no approval is needed and nothing blocks, the
 * policy says go at once.
 */
@Singleton
public class RequestDeploy {

    /** What a version may look like (as the command parser accepts it): a tag, a semver, a git sha. */
    public static final Pattern VERSION = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._+/-]{0,63}");
    private static final Pattern USER_ID = Pattern.compile("[UW][A-Z0-9]{2,20}");
    public static final int MAX_NOTE = 1000;

    private final TeamConfig config;
    private final PreDeployChecks checks;
    private final DeployRepository repository;
    private final DeployMoves moves;
    private final DeployAnnouncer announcer;
    private final DeployStarts starts;
    private final Auditor auditor;
    private final Clock clock;

    public RequestDeploy(TeamConfig config, PreDeployChecks checks, DeployRepository repository, DeployMoves moves,
                         DeployAnnouncer announcer, DeployStarts starts, Auditor auditor, Clock clock) {
        this.config = config;
        this.checks = checks;
        this.repository = repository;
        this.moves = moves;
        this.announcer = announcer;
        this.starts = starts;
        this.auditor = auditor;
        this.clock = clock;
    }

    /** Bad input is answered with what is wrong, and creates nothing. */
    public Optional<InputProblem> problem(NewDeploy d) {
        if (config.service(d.service()).isEmpty()) {
            return Optional.of(new InputProblem.NoSuchService(d.service(), List.copyOf(config.services().keySet())));
        }
        if (config.environment(d.environment()).isEmpty()) {
            return Optional.of(new InputProblem.NoSuchEnvironment(d.environment(),
                    List.copyOf(config.environments().keySet())));
        }
        if (d.version() == null || !VERSION.matcher(d.version()).matches()) {
            return Optional.of(new InputProblem.BadVersion(String.valueOf(d.version())));
        }
        EnvironmentConfig target = config.environment(d.environment()).orElseThrow();
        if (BranchVersions.surelyBranch(d.version()) && !target.slots().branches()) {
            return Optional.of(new InputProblem.BranchNotAllowed(d.version(), d.environment(), config.environments()
                    .values().stream().filter(e -> e.slots().branches()).map(EnvironmentConfig::name).toList()));
        }
        if (d.runnerId().isPresent() && !USER_ID.matcher(d.runnerId().get()).matches()) {
            return Optional.of(new InputProblem.RunnerNotAPerson());
        }
        if (d.note().isPresent() && d.note().get().length() > MAX_NOTE) {
            return Optional.of(new InputProblem.NoteTooLong(MAX_NOTE));
        }
        return Checklist.problem(teamChecklist(d), d.checklist());
    }

    public DeployOutcome request(NewDeploy d) {
        return request(d, Supplier::get);
    }

    /**
     * As {@link #request(NewDeploy)}, with {@code store} running the insert it is handed: a caller that writes a row
     * of its own with the request (a release's record) runs both in one transaction, and if that throws, nothing is
     * stored, audited or posted.
     */
    public DeployOutcome request(NewDeploy d, Function<Supplier<DeployRequest>, DeployRequest> store) {
        Optional<InputProblem> problem = problem(d);
        if (problem.isPresent()) {
            return new DeployOutcome.BadInput(problem.get());
        }
        EnvironmentConfig env = config.environment(d.environment()).orElseThrow();
        ServiceConfig service = config.service(d.service()).orElseThrow();
        Instant now = clock.instant();
        String runner = d.runnerId().orElse(d.requesterId());
        List<CheckResult> results = checks.run(new DeployCandidate(d.service(), d.environment(), d.version(),
                d.requesterId(), service, env, now));
        Instant nudge = env.announceOnly() ? null : now.plus(env.nudgeAfter());
        List<String> checklist = Checklist.items(teamChecklist(d), d.checklist());
        DeployRequest r = store.apply(() -> repository.insert(new DeployRequest(0, d.service(), d.environment(), d.version(),
                d.requesterId(), runner, d.note().map(String::strip).filter(n -> !n.isEmpty()).orElse(null),
                d.rollbackOf().orElse(null), DeployState.REQUESTED, env.approvals(), now, null, null, now, null, null,
                nudge, 0, now.plus(env.expireAfter()), null, null, null, null), results, checklist));
        Map<String, Object> payload = payload(r, results);
        if (!checklist.isEmpty()) {
            payload.put("checklist", checklist);
        }
        auditor.record(DeployAudit.REQUESTED, d.requesterId(), payload);

        DeployView view = new DeployView(r, results, List.of(), java.util.stream.IntStream.range(0, checklist.size())
                .mapToObj(i -> ChecklistItem.open(i, checklist.get(i))).toList());
        Optional<DeployAnnouncer.MessageRef> ref;
        try {
            ref = announcer.post(view);
        } catch (DeployAnnouncer.AnnounceFailed e) {
            moves.apply(r, DeployEvent.CANCEL, DeployAudit.POLICY, "could not post the go/no-go message: " + e.getMessage());
            return new DeployOutcome.AnnounceFailed(r.id(), env.channel().text(), e.getMessage());
        }
        if (ref.isPresent()) {
            // Already stored: the announcer's post records where the message landed as soon as Slack answers.
            r = r.withMessage(ref.get().channelId(), ref.get().ts());
        }
        boolean blocked = view.blocked();
        if (env.announceOnly() && !blocked) {
            starts.announceOnlyGo(r);
        }
        return new DeployOutcome.Requested(r, ref.isPresent(), env.channel().text(),
                view.checks().stream().filter(CheckResult::blocking).toList());
    }

    /** The team file's items for this request: the service's, then the environment's. */
    private List<String> teamChecklist(NewDeploy d) {
        return config.service(d.service()).orElseThrow()
                .checklistFor(config.environment(d.environment()).orElseThrow());
    }

    private static Map<String, Object> payload(DeployRequest r, List<CheckResult> results) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("request", r.id());
        p.put("service", r.service());
        p.put("environment", r.environment());
        p.put("version", r.version());
        p.put("runner", r.runnerId());
        p.put("approvalsRequired", r.approvalsRequired());
        if (r.note() != null) {
            p.put("note", r.note());
        }
        if (r.rollbackOf() != null) {
            p.put("rollbackOf", r.rollbackOf());
        }
        p.put("checks", results.stream().map(c -> Map.of("name", c.name(), "blocked", c.blocked(), "text", c.text())).toList());
        return p;
    }
}
