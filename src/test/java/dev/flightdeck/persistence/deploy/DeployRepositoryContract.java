package dev.flightdeck.persistence.deploy;

import dev.flightdeck.deploy.Approval;
import dev.flightdeck.deploy.CheckResult;
import dev.flightdeck.deploy.ChecklistItem;
import dev.flightdeck.deploy.DeployRepository;
import dev.flightdeck.deploy.DeployRequest;
import dev.flightdeck.deploy.DeployRequests;
import dev.flightdeck.deploy.DeployState;
import dev.flightdeck.deploy.DeployTransactions;
import dev.flightdeck.deploy.DeployTransitions;
import dev.flightdeck.deploy.ManualLock;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** What the deploy store promises, run on H2 and on PostgreSQL: conditional writes succeed once. */
abstract class DeployRepositoryContract {

    @Inject
    DeployRepository repository;
    @Inject
    DeployTransactions transactions;
    @Inject
    dev.flightdeck.deploy.CheckRechecksStore rechecks;

    final Instant t0 = Instant.parse("2025-11-24T18:00:00Z");
    static final DeployTransitions.Timers TIMERS = new DeployTransitions.Timers(Duration.ofMinutes(15),
            Duration.ofMinutes(10), Duration.ofHours(4));

    DeployRequest newRequest(String service) {
        return DeployRequests.aProdRequest().of(service).version("5.11.2").by("U1").runner("U2").note("hotfix")
                .approvals(2).requestedAt(t0).nextNudgeAt(t0.plus(Duration.ofMinutes(15)))
                .expiresAt(t0.plus(Duration.ofHours(4))).build();
    }

    static String unique() {
        return "svc-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void storesARequestWithItsChecksAndReadsItBack() {
        DeployRequest r = repository.insert(newRequest(unique()), List.of(CheckResult.passed("window", "open"),
                CheckResult.blocked("lock", "locked by <@U9>")));
        assertThat(r.id()).isPositive();
        DeployRequest read = repository.find(r.id()).orElseThrow();
        assertThat(read).isEqualTo(r);
        assertThat(repository.checks(r.id())).containsExactly(CheckResult.passed("window", "open"),
                CheckResult.blocked("lock", "locked by <@U9>"));
        repository.saveMessage(r.id(), "C1", "1700000000.000100");
        assertThat(repository.find(r.id()).orElseThrow().messageTs()).isEqualTo("1700000000.000100");
    }

    @Test
    void aChecklistIsStoredWithItsRequestAndEachTickOrUntickHappensOnce() {
        DeployRequest r = repository.insert(newRequest(unique()), List.of(), List.of("set the SES sender", "QA & <b>ok</b>"));
        assertThat(repository.checklist(r.id())).containsExactly(ChecklistItem.open(0, "set the SES sender"),
                ChecklistItem.open(1, "QA & <b>ok</b>"));
        Instant at = t0.plusSeconds(90);

        assertThat(repository.tick(r.id(), 1, "U3", at)).isTrue();
        assertThat(repository.tick(r.id(), 1, "U4", at.plusSeconds(1))).isFalse();
        assertThat(repository.checklist(r.id()).get(1)).isEqualTo(new ChecklistItem(1, "QA & <b>ok</b>", "U3", at));
        assertThat(repository.untick(r.id(), 1)).isTrue();
        assertThat(repository.untick(r.id(), 1)).isFalse();
        assertThat(repository.tick(r.id(), 7, "U3", at)).isFalse();
        assertThat(repository.checklist(r.id())).noneMatch(ChecklistItem::ticked);
        assertThat(repository.checklist(repository.insert(newRequest(unique()), List.of()).id())).isEmpty();
    }

    @Test
    void theSchedulersNextDueTimeIsTheEarliestOwedMessageNudgeOrExpiryOfAPendingRequest() {
        Instant early = Instant.parse("2001-02-03T04:05:06Z");
        DeployRequest r = repository.insert(DeployRequests.aProdRequest().of(unique()).version("1.0.0").by("U1")
                .runner("U1").approvals(1).requestedAt(early).nextNudgeAt(early.plus(Duration.ofMinutes(15)))
                .expiresAt(early.plus(Duration.ofHours(4))).build(), List.of());
        Duration grace = Duration.ofMinutes(1);
        assertThat(repository.nextSchedulerDue(grace)).as("its go/no-go is owed a minute after the request")
                .contains(early.plus(grace));
        repository.saveMessage(r.id(), "C1", "1700000000.000200");
        assertThat(repository.nextSchedulerDue(grace)).as("posted: the nudge is next")
                .contains(early.plus(Duration.ofMinutes(15)));
        DeployRequest cancelled = r.moved(DeployState.CANCELLED, "U1", null, early.plusSeconds(60), TIMERS);
        assertThat(repository.transition(r, cancelled)).isTrue();
        assertThat(repository.nextSchedulerDue(grace)).as("a finished request is nobody's business")
                .isNotEqualTo(Optional.of(early.plus(Duration.ofMinutes(15))));
    }

    @Test
    void aTransitionHappensOnlyFromTheStateItWasReadIn() {
        DeployRequest r = repository.insert(newRequest(unique()), List.of());
        DeployRequest approved = r.moved(DeployState.APPROVED, "U3", null, t0.plusSeconds(60), TIMERS);
        DeployRequest rejected = r.moved(DeployState.REJECTED, "U4", "no", t0.plusSeconds(61), TIMERS);
        assertThat(repository.transition(r, approved)).isTrue();
        assertThat(repository.transition(r, rejected)).isFalse();
        DeployRequest read = repository.find(r.id()).orElseThrow();
        assertThat(read.state()).isEqualTo(DeployState.APPROVED);
        assertThat(read.stateActor()).isEqualTo("U3");
    }

    @Test
    void anApproverApprovesOnceAndTheRowLockHoldsInATransaction() {
        DeployRequest r = repository.insert(newRequest(unique()), List.of());
        boolean first = transactions.inTransaction(() -> {
            assertThat(repository.findForUpdate(r.id())).isPresent();
            return repository.addApproval(new Approval(r.id(), "U3", t0));
        });
        assertThat(first).isTrue();
        assertThat(repository.addApproval(new Approval(r.id(), "U3", t0.plusSeconds(1)))).isFalse();
        assertThat(repository.addApproval(new Approval(r.id(), "U5", t0.plusSeconds(2)))).isTrue();
        assertThat(repository.approvals(r.id())).extracting(Approval::approverId).containsExactly("U3", "U5");
    }

    @Test
    void aDueNudgeIsClaimedOnceAndExpiriesAreFoundByTime() {
        String service = unique();
        DeployRequest r = repository.insert(newRequest(service), List.of());
        Instant due = t0.plus(Duration.ofMinutes(15));
        assertThat(repository.dueNudges(due.minusSeconds(1), 1000)).extracting(DeployRequest::id).doesNotContain(r.id());
        DeployRequest read = repository.dueNudges(due, 1000).stream().filter(x -> x.id() == r.id()).findFirst().orElseThrow();
        Instant lease = due.plus(Duration.ofMinutes(2));
        assertThat(repository.claimNudge(read, lease)).isTrue();
        assertThat(repository.claimNudge(read, lease)).isFalse();
        assertThat(repository.find(r.id()).orElseThrow().nudgesSent()).as("not counted before it was sent").isZero();
        assertThat(repository.dueNudges(lease.minusSeconds(1), 1000)).extracting(DeployRequest::id).doesNotContain(r.id());
        assertThat(repository.completeNudge(read, lease, due.plus(Duration.ofMinutes(15)))).isTrue();
        assertThat(repository.completeNudge(read, lease, due.plus(Duration.ofMinutes(15)))).as("lease gone").isFalse();
        DeployRequest after = repository.find(r.id()).orElseThrow();
        assertThat(after.nudgesSent()).isEqualTo(1);
        assertThat(after.nextNudgeAt()).isEqualTo(due.plus(Duration.ofMinutes(15)));
        assertThat(repository.dueExpiries(t0.plus(Duration.ofHours(4)), 1000)).extracting(DeployRequest::id).contains(r.id());
        assertThat(repository.dueExpiries(t0.plus(Duration.ofHours(4)).minusSeconds(1), 1000))
                .extracting(DeployRequest::id).doesNotContain(r.id());
    }

    @Test
    void aBlockingCheckIsOverriddenOnceAndAPassedOneNever() {
        DeployRequest r = repository.insert(newRequest(unique()), List.of(CheckResult.passed("window", "open"),
                CheckResult.blocked("lock", "locked")));
        assertThat(repository.overrideCheck(r.id(), "window", "U3", "why")).isFalse();
        assertThat(repository.overrideCheck(r.id(), "lock", "U3", "migration done")).isTrue();
        assertThat(repository.overrideCheck(r.id(), "lock", "U4", "again")).isFalse();
        assertThat(repository.checks(r.id()).get(1)).isEqualTo(new CheckResult("lock", true, "locked", "U3", "migration done"));
    }

    @Test
    void aServiceAndEnvironmentHaveAtMostOneManualLockAndInFlightDeploysAreFound() {
        String service = unique();
        Instant at = t0.truncatedTo(ChronoUnit.SECONDS);
        assertThat(repository.addLock(new ManualLock(service, "prod", "U1", "migration", at))).isTrue();
        assertThat(repository.addLock(new ManualLock(service, "prod", "U2", "other", at))).isFalse();
        assertThat(repository.lock(service, "prod")).contains(new ManualLock(service, "prod", "U1", "migration", at));
        assertThat(repository.locks(Optional.of(service))).hasSize(1);
        assertThat(repository.removeLock(service, "prod")).isTrue();
        assertThat(repository.removeLock(service, "prod")).isFalse();

        DeployRequest r = repository.insert(newRequest(service), List.of());
        assertThat(repository.inFlight(service, "prod", -1)).isEmpty();
        repository.transition(r, r.moved(DeployState.APPROVED, "U3", null, t0, TIMERS));
        assertThat(repository.inFlight(service, "prod", -1)).map(DeployRequest::id).contains(r.id());
        assertThat(repository.inFlight(service, "prod", r.id())).isEmpty();
        assertThat(repository.history(service, Optional.of("prod"), 10)).hasSize(1);
    }

    @Test
    void aBuildUpdateBringingOnlyOneOfLabelAndUrlKeepsTheOther() {
        DeployRequest r = repository.insert(newRequest(unique()), List.of());
        repository.saveBuild(r.id(), "Jenkins #12", null);
        repository.saveBuild(r.id(), null, "https://ci.example.com/12");
        DeployRequest read = repository.find(r.id()).orElseThrow();
        assertThat(read.buildLabel()).isEqualTo("Jenkins #12");
        assertThat(read.buildUrl()).isEqualTo("https://ci.example.com/12");
        repository.saveBuild(r.id(), "Jenkins #13", null);
        assertThat(repository.find(r.id()).orElseThrow().buildUrl()).isEqualTo("https://ci.example.com/12");
    }

    @Test
    void pendingRequestsAreFoundByTheirTimersAndInFlightOnesHoldTheLock() {
        String service = unique();
        DeployRequest r = repository.insert(newRequest(service), List.of());
        assertThat(repository.withoutMessage(t0.plusSeconds(1), 1000)).extracting(DeployRequest::id).contains(r.id());
        DeployRequest approved = r.moved(DeployState.APPROVED, "U3", null, t0, TIMERS);
        repository.transition(r, approved);
        assertThat(repository.dueNudges(t0.plus(Duration.ofMinutes(10)), 1000)).extracting(DeployRequest::id).contains(r.id());
        assertThat(repository.inFlight(service, "prod", -1)).map(DeployRequest::id).contains(r.id());
        repository.transition(approved, approved.moved(DeployState.CANCELLED, "U1", null, t0.plusSeconds(5), TIMERS));
        assertThat(repository.dueNudges(t0.plus(Duration.ofDays(1)), 1000)).extracting(DeployRequest::id).doesNotContain(r.id());
        assertThat(repository.dueExpiries(t0.plus(Duration.ofDays(1)), 1000)).extracting(DeployRequest::id).doesNotContain(r.id());
        assertThat(repository.withoutMessage(t0.plusSeconds(1), 1000)).extracting(DeployRequest::id).doesNotContain(r.id());
        assertThat(repository.inFlight(service, "prod", -1)).isEmpty();
    }

    /** Gate ci: a waiting check is stored with its recheck time and commit, claimed once, settled only under the lease. */
    @Test
    void aWaitingCheckIsClaimedOnceAndSettledOnlyByItsClaimer() {
        String sha = UUID.randomUUID().toString().replace("-", "") + "abcdefgh";
        Instant due = t0.plusSeconds(60);
        DeployRequest r = repository.insert(newRequest(unique()), List.of(CheckResult.passed("lock", "free"),
                new CheckResult("ci", false, "waiting for CI: build", null, null, true, due, sha)));
        assertThat(repository.checks(r.id())).filteredOn(c -> c.name().equals("ci")).singleElement()
                .satisfies(c -> {
                    assertThat(c.holding()).isTrue();
                    assertThat(c.recheckAt()).isEqualTo(due);
                    assertThat(c.waitsOn()).isEqualTo(sha);
                });
        assertThat(rechecks.due(t0.plusSeconds(59), 500)).noneMatch(d -> d.requestId() == r.id());
        assertThat(rechecks.waitingOn(sha, 10)).singleElement().satisfies(d -> assertThat(d.requestId()).isEqualTo(r.id()));
        var found = rechecks.due(t0.plusSeconds(61), 500).stream().filter(d -> d.requestId() == r.id()).toList();
        assertThat(found).singleElement().satisfies(d -> assertThat(d.name()).isEqualTo("ci"));

        Instant lease = t0.plusSeconds(181);
        assertThat(rechecks.claim(found.get(0), lease)).isTrue();
        assertThat(rechecks.claim(found.get(0), t0.plusSeconds(182))).as("a second replica").isFalse();
        CheckResult red = new CheckResult("ci", true, "CI failed: lint", null, null, false, null, null);
        assertThat(rechecks.settle(found.get(0), t0.plusSeconds(182), red)).as("not our lease").isFalse();
        assertThat(rechecks.settle(found.get(0), lease, red)).isTrue();
        assertThat(repository.checks(r.id())).filteredOn(c -> c.name().equals("ci")).singleElement()
                .satisfies(c -> {
                    assertThat(c.blocking()).isTrue();
                    assertThat(c.text()).isEqualTo("CI failed: lint");
                    assertThat(c.recheckAt()).isNull();
                });
        assertThat(rechecks.waitingOn(sha, 10)).isEmpty();
        assertThat(rechecks.due(t0.plus(Duration.ofDays(1)), 500)).noneMatch(d -> d.requestId() == r.id());
    }

    @Test
    void theRechecksNextDueTimeIsTheEarliestUnsettledCheckOfAPendingRequest() {
        Instant early = Instant.parse("2001-02-03T04:05:06Z");
        DeployRequest r = repository.insert(newRequest(unique()), List.of(CheckResult.passed("lock", "free"),
                new CheckResult("ci", false, "waiting for CI: build", null, null, true, early, "e".repeat(40))));
        assertThat(rechecks.nextDue()).contains(early);
        assertThat(repository.overrideCheck(r.id(), "ci", "U3", "CI is slow today")).isTrue();
        assertThat(rechecks.nextDue()).as("overridden: not rechecked").isNotEqualTo(Optional.of(early));
    }

    @Test
    void theBuildPollersQuestionIsTheOldestStateChangePerServiceEnvironmentAndState() {
        String service = unique();
        DeployRequest a = repository.insert(newRequest(service), List.of());
        DeployRequest b = repository.insert(newRequest(service), List.of());
        Instant early = t0.minus(Duration.ofDays(3));
        assertThat(repository.transition(a, a.moved(DeployState.RUNNING, "U2", null, early, TIMERS))).isTrue();
        assertThat(repository.transition(b, b.moved(DeployState.RUNNING, "U2", null, early.plusSeconds(90), TIMERS))).isTrue();

        assertThat(repository.oldestInStates(java.util.Set.of(DeployState.TRIGGERING, DeployState.RUNNING)))
                .filteredOn(g -> g.service().equals(service))
                .containsExactly(new DeployRepository.OldestInState(service, "prod", DeployState.RUNNING, early));
        assertThat(repository.oldestInStates(java.util.Set.of(DeployState.TRIGGERING)))
                .noneMatch(g -> g.service().equals(service));
    }

    @Test
    void aWaitingCheckCanBeOverriddenAndIsThenNoLongerRechecked() {
        DeployRequest r = repository.insert(newRequest(unique()), List.of(
                new CheckResult("ci", false, "waiting for CI: build", null, null, true, t0, "f".repeat(40))));
        assertThat(repository.overrideCheck(r.id(), "ci", "U3", "CI is slow today")).isTrue();
        assertThat(repository.checks(r.id())).singleElement().satisfies(c -> assertThat(c.stopsStart()).isFalse());
        assertThat(rechecks.due(t0.plusSeconds(60), 500)).noneMatch(d -> d.requestId() == r.id());
    }

    @Test
    void theWebHistoryIsAPageOfMatchingRequestsNewestFirstFromBeforeAnId() {
        String svc = unique();
        Instant at = Instant.parse("1996-05-01T00:00:00Z");   // a period of its own
        List<Long> prodSucceeded = new java.util.ArrayList<>();
        for (int i = 0; i < 6; i++) {
            DeployState state = i % 3 == 2 ? DeployState.FAILED : DeployState.SUCCEEDED;
            DeployRequest r = repository.insert(DeployRequests.aRequest().of(svc).to(i == 4 ? "staging" : "prod")
                    .version("1." + i).in(state).requestedAt(at.plus(Duration.ofHours(i)))
                    .finishedAt(at.plus(Duration.ofHours(i)).plusSeconds(60)).build(), List.of());
            if (i != 4 && state == DeployState.SUCCEEDED) {
                prodSucceeded.add(0, r.id());
            }
        }
        repository.insert(DeployRequests.aRequest().of(unique()).to("prod").version("9").in(DeployState.SUCCEEDED)
                .requestedAt(at.plusSeconds(30)).finishedAt(at.plusSeconds(90)).build(), List.of());
        Instant until = at.plus(Duration.ofDays(1));
        var filter = new DeployRepository.HistoryFilter(Optional.of(svc), Optional.of("prod"), Optional.of(DeployState.SUCCEEDED));
        assertThat(repository.requestedBetween(at, until, filter, Long.MAX_VALUE, 2)).extracting(DeployRequest::id)
                .containsExactly(prodSucceeded.get(0), prodSucceeded.get(1));
        assertThat(repository.requestedBetween(at, until, filter, prodSucceeded.get(1), 2)).extracting(DeployRequest::id)
                .containsExactly(prodSucceeded.get(2));
        assertThat(repository.requestedBetween(at, until, DeployRepository.HistoryFilter.ANY, Long.MAX_VALUE, 50)).hasSize(7);
        assertThat(repository.requestedBetween(at.plus(Duration.ofHours(5)), until, DeployRepository.HistoryFilter.ANY,
                Long.MAX_VALUE, 50)).extracting(DeployRequest::version).containsExactly("1.5");
    }
}
