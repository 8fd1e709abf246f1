package dev.flightdeck.demo;

import dev.flightdeck.deploy.ApproverRef;
import dev.flightdeck.deploy.EnvironmentConfig;
import dev.flightdeck.deploy.Gate;
import dev.flightdeck.team.TeamConfig;
import dev.flightdeck.deploy.Approval;
import dev.flightdeck.deploy.CheckResult;
import dev.flightdeck.deploy.DeployRepository;
import dev.flightdeck.deploy.DeployRequest;
import dev.flightdeck.deploy.DeployState;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Four weeks of weekday releases: each release goes through the environments in team-config order (dev, staging,
 * prod), approved where the environment wants approvals. Among the production deploys, fixed ones show what the
 * pages must handle: a no-go, a failed build and its retry, a rollback, a break-glass override, an expired request.
 * A fixed seed makes every demo database alike, so screenshots and bug reports match.
 */
final class DemoDeploys {

    static final List<String> PEOPLE = List.of("U0DEMOALEX", "U0DEMOBEA", "U0DEMOCHEN", "U0DEMODANA");
    static final String FALLBACK_APPROVER = "U0DEMOLEAD";

    private final TeamConfig config;
    private final DeployRepository repository;
    private final Random random = new Random(7);
    private final Map<String, Integer> patch = new HashMap<>();
    private final Map<String, Long> lastProdSuccess = new HashMap<>();
    private final List<String> production;
    private int prodDeploys;
    private int written;

    DemoDeploys(TeamConfig config, DeployRepository repository, List<String> production) {
        this.config = config;
        this.repository = repository;
        this.production = production;
    }

    /** Writes the releases of the {@code days} days before {@code now}'s day; returns how many requests it stored. */
    int write(Instant now, int days) {
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        List<String> services = List.copyOf(config.services().keySet());
        for (LocalDate day = today.minusDays(days); day.isBefore(today); day = day.plusDays(1)) {
            if (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
                continue;
            }
            for (int s = 0; s < services.size(); s++) {
                // The first service ships most days, the others less often, as in most teams.
                if (random.nextDouble() < (s == 0 ? 0.8 : 0.4)) {
                    release(services.get(s), s, day.atStartOfDay(ZoneOffset.UTC).toInstant()
                            .plus(Duration.ofMinutes(16 * 60 + random.nextInt(240))));
                }
            }
        }
        return written;
    }

    private void release(String service, int index, Instant at) {
        int p = patch.merge(service, 1, Integer::sum);
        String version = (index + 1) + "." + (10 + index) + "." + p;
        Instant t = at;
        for (EnvironmentConfig env : config.environments().values()) {
            boolean prod = production.contains(env.name());
            if (!prod) {
                deploy(service, env, version, t, DeployState.SUCCEEDED, null, null, false);
                t = t.plus(Duration.ofMinutes(20 + random.nextInt(60)));
                continue;
            }
            prodDeploys++;
            switch (prodDeploys) {
                case 3 -> deploy(service, env, version, t, DeployState.REJECTED, "Wait for the schema migration first", null, false);
                case 6 -> {
                    deploy(service, env, version, t, DeployState.FAILED, "Build failed: 2 tests failed", null, false);
                    deploy(service, env, version, t.plus(Duration.ofMinutes(50)), DeployState.SUCCEEDED, null, null, false);
                }
                case 10 -> {
                    Long previous = lastProdSuccess.get(service);
                    long bad = deploy(service, env, version, t, DeployState.SUCCEEDED, null, null, false);
                    if (previous != null) {
                        String back = (index + 1) + "." + (10 + index) + "." + (p - 1);
                        deploy(service, env, back, t.plus(Duration.ofMinutes(95)), DeployState.SUCCEEDED,
                                "Rollback: error rate doubled after " + version, bad, false);
                    }
                }
                case 13 -> deploy(service, env, version, t, DeployState.SUCCEEDED, null, null, true);
                case 16 -> deploy(service, env, version, t, DeployState.EXPIRED, "No decision within 4h", null, false);
                default -> deploy(service, env, version, t, DeployState.SUCCEEDED, null, null, false);
            }
        }
    }

    private long deploy(String service, EnvironmentConfig env, String version, Instant requested, DeployState outcome,
                        String reason, Long rollbackOf, boolean override) {
        String requester = PEOPLE.get(random.nextInt(PEOPLE.size()));
        String approver = approver(env, requester);
        Instant decided = requested.plus(Duration.ofMinutes(env.approvals() == 0 ? 0 : 4 + random.nextInt(40)));
        Instant started = decided.plus(Duration.ofMinutes(1 + random.nextInt(3)));
        Instant finished = started.plus(Duration.ofMinutes(6 + random.nextInt(15)));
        boolean ran = outcome == DeployState.SUCCEEDED || outcome == DeployState.FAILED;
        Instant changed = switch (outcome) {
            case REJECTED -> decided;
            case EXPIRED -> requested.plus(env.expireAfter());
            default -> finished;
        };
        String actor = ran ? "system:build" : outcome == DeployState.EXPIRED ? "system:scheduler" : approver;
        DeployRequest request = new DeployRequest(0, service, env.name(), version, requester, requester,
                rollbackOf == null ? null : reason, rollbackOf, outcome, env.approvals(), requested, actor,
                rollbackOf == null ? reason : null, changed, ran ? started : null, outcome.isFinal() ? changed : null,
                null, 0, null, null, null, ran ? "build #" + (100 + written) : null, null);
        long id = repository.insert(request, checks(env, override)).id();
        written++;
        if (env.approvals() > 0 && outcome != DeployState.REJECTED && outcome != DeployState.EXPIRED) {
            repository.addApproval(new Approval(id, approver, decided));
        }
        if (override) {
            repository.overrideCheck(id, "window", approver, "Hotfix for a customer-facing bug; the fix is one line");
        }
        if (outcome == DeployState.SUCCEEDED && production.contains(env.name())) {
            lastProdSuccess.put(service, id);
        }
        return id;
    }

    private static List<CheckResult> checks(EnvironmentConfig env, boolean windowBlocked) {
        List<CheckResult> out = new ArrayList<>();
        for (Gate gate : env.gates().stream().sorted().toList()) {
            if (gate == Gate.WINDOW && windowBlocked) {
                out.add(CheckResult.blocked("window", "outside the deploy window "
                        + env.window().map(Object::toString).orElse("")));
            } else {
                out.add(CheckResult.passed(gate.key(), passedText(gate)));
            }
        }
        return out;
    }

    private static String passedText(Gate gate) {
        return switch (gate) {
            case WINDOW -> "inside the deploy window";
            case LOCK -> "no other deploy or lock";
            case FREEZE -> "no open incident at the freeze severity";
            case ALARMS -> "no alarms firing";
            case CONFIG -> "all config rules pass";
            case CI -> "CI green";
            case PROMOTED -> "succeeded in the environment it is promoted from";
            case SLO -> "error budget left";
        };
    }

    private static String approver(EnvironmentConfig env, String requester) {
        return env.approvers().stream().filter(a -> a instanceof ApproverRef.User)
                .map(a -> ((ApproverRef.User) a).userId()).filter(u -> !u.equals(requester)).findFirst()
                .orElse(PEOPLE.stream().filter(u -> !u.equals(requester)).findFirst().orElse(FALLBACK_APPROVER));
    }
}
