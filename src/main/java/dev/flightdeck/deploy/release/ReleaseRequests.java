package dev.flightdeck.deploy.release;

import dev.flightdeck.deploy.DeployOutcome;
import dev.flightdeck.deploy.DeployRepository;
import dev.flightdeck.deploy.DeployRequest;
import dev.flightdeck.deploy.DeployTransactions;
import dev.flightdeck.deploy.NewDeploy;
import dev.flightdeck.deploy.RequestDeploy;
import dev.flightdeck.deploy.release.ReleaseOutcome.AlreadyOpened;
import dev.flightdeck.deploy.release.ReleaseOutcome.BadInput;
import dev.flightdeck.deploy.release.ReleaseOutcome.NotAnnounced;
import dev.flightdeck.deploy.release.ReleaseOutcome.Opened;
import dev.flightdeck.deploy.release.ReleaseOutcome.ServiceResult;
import dev.flightdeck.deploy.release.ReleaseOutcome.SkipReason;
import dev.flightdeck.deploy.release.ReleaseOutcome.Skipped;
import dev.flightdeck.people.GithubPerson;
import dev.flightdeck.team.OnRelease;
import dev.flightdeck.team.ServiceConfig;
import dev.flightdeck.team.TeamConfig;
import dev.flightdeck.text.Texts;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A published GitHub release opens a deploy request of its tag for each service whose {@code repo} it is and which
 * has {@code on-release}: to that environment, with that runner, requested by the release's author (their Slack user
 * when {@code people:} maps the login, else {@link GithubPerson}). The request goes through {@link RequestDeploy}
 * like a typed one (checks, go/no-go message, nudges, expiry); the release's record is written in the same
 * transaction as the request, so a redelivery finds it and a crash leaves both or neither.
 */
@Singleton
public class ReleaseRequests {

    private final TeamConfig team;
    private final RequestDeploy requests;
    private final DeployRepository deploys;
    private final DeployTransactions transactions;
    private final ReleaseLog log;

    public ReleaseRequests(TeamConfig team, RequestDeploy requests, DeployRepository deploys,
                           DeployTransactions transactions, ReleaseLog log) {
        this.team = team;
        this.requests = requests;
        this.deploys = deploys;
        this.transactions = transactions;
        this.log = log;
    }

    public ReleaseOutcome published(PublishedRelease release) {
        if (!PublishedRelease.PUBLISHED.equals(release.action())) {
            return new ReleaseOutcome.NotPublished(String.valueOf(release.action()));
        }
        if (release.draft()) {
            return new ReleaseOutcome.Draft();
        }
        if (release.prerelease()) {
            return new ReleaseOutcome.Prerelease();
        }
        Optional<String> missing = missing(release);
        if (missing.isPresent()) {
            return new ReleaseOutcome.Unreadable(missing.get());
        }
        List<ServiceConfig> services = team.services().values().stream()
                .filter(s -> s.repo().map(r -> r.fullName().equalsIgnoreCase(release.repository())).orElse(false))
                .toList();
        if (services.isEmpty()) {
            return new ReleaseOutcome.NoService(release.repository());
        }
        List<ServiceResult> results = new ArrayList<>();
        for (ServiceConfig service : services) {
            results.add(forService(service, release));
        }
        boolean acted = results.stream().anyMatch(r -> r instanceof Opened || r instanceof AlreadyOpened
                || r instanceof NotAnnounced || r instanceof ReleaseOutcome.BeingOpened);
        return acted ? new ReleaseOutcome.PerService(results) : new ReleaseOutcome.AllSkipped(results);
    }

    private ServiceResult forService(ServiceConfig service, PublishedRelease release) {
        String name = service.name();
        if (service.onRelease().isEmpty()) {
            return new Skipped(name, SkipReason.NO_ON_RELEASE, "");
        }
        String repo = release.repository().toLowerCase(Locale.ROOT);
        Optional<Long> earlier = log.requestFor(repo, release.releaseId(), name);
        if (earlier.isPresent()) {
            return new AlreadyOpened(name, earlier.get());
        }
        OnRelease on = service.onRelease().get();
        Optional<String> mapped = team.slackUserFor(release.authorLogin());
        Optional<String> runner = on.runner().or(() -> mapped);
        if (runner.isEmpty()) {
            return new Skipped(name, SkipReason.NO_RUNNER, release.authorLogin());
        }
        String requester = mapped.orElseGet(() -> GithubPerson.id(release.authorLogin()));
        NewDeploy d = new NewDeploy(name, version(name, release.tag()), on.environment(), requester, runner,
                Optional.of(note(release)), Optional.empty());
        Optional<dev.flightdeck.deploy.InputProblem> problem = requests.problem(d);
        if (problem.isPresent()) {
            return new BadInput(name, problem.get());
        }
        DeployOutcome outcome;
        try {
            outcome = requests.request(d, insert -> transactions.inTransaction(() -> {
                DeployRequest stored = insert.get();
                log.record(repo, release.releaseId(), name, release.tag(), stored.id());
                return stored;
            }));
        } catch (ReleaseLog.AlreadyRecorded raced) {
            // Another delivery of this release (a replica, the form copy) stored its request first; ours rolled back.
            return log.requestFor(repo, release.releaseId(), name).<ServiceResult>map(id -> new AlreadyOpened(name, id))
                    .orElseGet(() -> new ReleaseOutcome.BeingOpened(name));
        }
        if (outcome instanceof DeployOutcome.Requested r) {
            return new Opened(name, r.request(), r.posted());
        }
        if (outcome instanceof DeployOutcome.AnnounceFailed f) {
            log.forget(repo, release.releaseId(), name, f.id());
            return new NotAnnounced(name, f.id(), f.channel(), f.error());
        }
        if (outcome instanceof DeployOutcome.BadInput b) {
            return new BadInput(name, b.problem());
        }
        throw new IllegalStateException("unexpected outcome of a release request: " + outcome);
    }

    /**
     * The tag as the service's versions are written: {@code v5.12.0} becomes {@code 5.12.0} unless the service's
     * latest request used a leading {@code v} too. No history: dropped, as {@code /deploy} examples write versions.
     */
    String version(String service, String tag) {
        if (!tag.matches("v[0-9].*")) {
            return tag;
        }
        boolean withV = deploys.history(service, Optional.empty(), 1).stream().findFirst()
                .map(r -> r.version().matches("v[0-9].*")).orElse(false);
        return withV ? tag : tag.substring(1);
    }

    /** Shown with the request (message, page, audit): which release opened it, and its page. */
    private static String note(PublishedRelease release) {
        String url = Texts.safeUrl(release.url());
        return "GitHub release " + release.tag() + " of " + release.repository() + ", published by "
                + release.authorLogin() + (url == null ? "" : ": " + url);
    }

    private static Optional<String> missing(PublishedRelease r) {
        if (r.repository() == null || r.repository().isBlank()) {
            return Optional.of("repository.full_name");
        }
        if (r.releaseId() <= 0) {
            return Optional.of("release.id");
        }
        if (r.tag() == null || r.tag().isBlank()) {
            return Optional.of("release.tag_name");
        }
        if (!GithubPerson.isLogin(r.authorLogin())) {
            return Optional.of("release.author.login");
        }
        return Optional.empty();
    }
}
