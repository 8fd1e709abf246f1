package dev.flightdeck.deploy;

import dev.flightdeck.deploy.fakes.DeployWorld;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static dev.flightdeck.deploy.fakes.DeployWorld.DEV;
import static dev.flightdeck.deploy.fakes.DeployWorld.LEAD;
import static dev.flightdeck.deploy.fakes.DeployWorld.OUTSIDER;
import static dev.flightdeck.deploy.fakes.DeployWorld.RM1;
import static dev.flightdeck.deploy.fakes.DeployWorld.RM2;
import static org.assertj.core.api.Assertions.assertThat;

/** Go, no-go and cancel: who may, what state the deploy reaches, and what its thread is told. */
class DeployServiceTest {

    DeployWorld w = new DeployWorld();

    long requested() {
        return requestedBy(DEV);
    }

    long requestedBy(String requester) {
        return ((DeployOutcome.Requested) w.requests.request(NewDeploy.of("commons", "5.11.2", "prod", requester,
                Optional.empty(), Optional.empty()))).request().id();
    }

    DeployState state(long id) {
        return w.repository.find(id).orElseThrow().state();
    }

    @Test
    void anApproverMayNotApproveTheirOwnProdDeploy() {
        long id = requestedBy(RM1);

        DeployOutcome o = w.deploys.go(id, RM1);

        assertThat(o).isEqualTo(new DeployOutcome.OwnRequest("prod", w.prod().approvers(), false));
        assertThat(state(id)).isEqualTo(DeployState.REQUESTED);
        assertThat(w.announcer.news()).isEmpty();
    }

    @Test
    void someoneWhoIsNotAnApproverIsToldWhoIs() {
        long id = requested();

        assertThat(w.deploys.go(id, OUTSIDER)).isEqualTo(new DeployOutcome.NotApprover("prod", w.prod().approvers()));
        assertThat(state(id)).isEqualTo(DeployState.REQUESTED);
    }

    @Test
    void aGroupMembersGoApprovesAndTellsTheRunnerToStart() {
        long id = requested();

        DeployOutcome o = w.deploys.go(id, RM1);

        assertThat(o).isInstanceOf(DeployOutcome.Approved.class);
        assertThat(state(id)).isEqualTo(DeployState.APPROVED);
        assertThat(w.announcer.news()).containsExactly(new DeployNews.GoAhead(RM1, false));
        assertThat(w.backend.triggered()).isEmpty();
    }

    @Test
    void twoApprovalsTakeTwoDifferentApprovers() {
        w = new DeployWorld(2);
        long id = requested();

        assertThat(w.deploys.go(id, RM1)).isInstanceOf(DeployOutcome.GoRecorded.class);
        assertThat(w.deploys.go(id, RM1)).isInstanceOf(DeployOutcome.AlreadyWent.class);
        assertThat(state(id)).isEqualTo(DeployState.REQUESTED);
        assertThat(w.deploys.go(id, LEAD)).isInstanceOf(DeployOutcome.Approved.class);
        assertThat(w.announcer.news()).containsExactly(new DeployNews.PartialGo(RM1, 1), new DeployNews.GoAhead(LEAD, false));
    }

    @Test
    void whenTheGroupCannotBeListedNothingChanges() {
        long id = requested();
        w.directory.unavailable();

        assertThat(w.deploys.go(id, RM1)).isInstanceOf(DeployOutcome.DirectoryDown.class);
        assertThat(state(id)).isEqualTo(DeployState.REQUESTED);
    }

    @Test
    void aBlockingCheckStopsTheGoAndIsNamed() {
        w.locks.lock("commons", "prod", LEAD, "freeze for the audit");
        long id = requested();

        DeployOutcome o = w.deploys.go(id, RM1);

        assertThat(o).isInstanceOf(DeployOutcome.BlockedByChecks.class);
        assertThat(((DeployOutcome.BlockedByChecks) o).blocking()).extracting(CheckResult::name).containsExactly("lock");
        assertThat(state(id)).isEqualTo(DeployState.REQUESTED);
    }

    @Test
    void oneDeployAtATime() {
        long first = requested();
        long second = requested();
        w.deploys.go(first, RM1);

        DeployOutcome o = w.deploys.go(second, RM2);

        assertThat(o).isInstanceOf(DeployOutcome.OneAtATime.class);
        assertThat(((DeployOutcome.OneAtATime) o).holder().id()).isEqualTo(first);
    }

    @Test
    void aNoGoNeedsAReasonAndRejectsWithIt() {
        long id = requested();

        assertThat(w.deploys.noGo(id, LEAD, "  ")).isEqualTo(new DeployOutcome.ReasonLength(false, 1, 500));
        assertThat(w.deploys.noGo(id, OUTSIDER, "tests red")).isInstanceOf(DeployOutcome.NotApprover.class);

        assertThat(w.deploys.noGo(id, LEAD, "tests red")).isInstanceOf(DeployOutcome.Rejected.class);
        assertThat(state(id)).isEqualTo(DeployState.REJECTED);
        assertThat(w.announcer.news()).containsExactly(new DeployNews.NoGo(LEAD, "tests red"));
        assertThat(w.deploys.go(id, LEAD)).isInstanceOf(DeployOutcome.NotWaiting.class);
    }

    @Test
    void theRequesterOrAnApproverCancelsOthersMayNot() {
        long id = requested();

        assertThat(w.deploys.cancel(id, OUTSIDER)).isInstanceOf(DeployOutcome.NotRequesterOrApprover.class);
        assertThat(w.deploys.cancel(id, DEV)).isInstanceOf(DeployOutcome.Cancelled.class);
        assertThat(state(id)).isEqualTo(DeployState.CANCELLED);
        assertThat(w.announcer.news()).containsExactly(new DeployNews.Cancelled(DEV));
        assertThat(w.deploys.cancel(99, DEV)).isEqualTo(new DeployOutcome.NoSuchRequest(99));
    }

    @Test
    void aRunningBuildIsCancelledOnlyByAnApproverWithAReason() {
        long id = requested();
        w.deploys.go(id, LEAD);
        w.deploys.start(id, DEV);

        assertThat(w.deploys.cancel(id, DEV, "stuck")).isInstanceOf(DeployOutcome.StuckNeedsApprover.class);
        assertThat(w.deploys.cancel(id, LEAD, null)).isInstanceOf(DeployOutcome.StuckNeedsReason.class);
        assertThat(w.deploys.cancel(id, LEAD, "CI lost it")).isInstanceOf(DeployOutcome.StuckCancelled.class);
        assertThat(state(id)).isEqualTo(DeployState.CANCELLED);
        assertThat(w.announcer.news(DeployNews.StuckCancelled.class))
                .containsExactly(new DeployNews.StuckCancelled(LEAD, DeployState.RUNNING, "CI lost it"));
    }

    @Test
    void overridingABlockingCheckLetsTheGoThrough() {
        w.locks.lock("commons", "prod", LEAD, "freeze for the audit");
        long id = requestedBy(RM2);

        assertThat(w.overrides.mayOverride(id, RM2)).isEqualTo(new DeployOutcome.OwnRequest("prod", w.prod().approvers(), true));
        assertThat(w.overrides.override(id, RM1, "no")).isEqualTo(new DeployOutcome.ReasonLength(true, 3, 500));
        DeployOutcome o = w.overrides.override(id, RM1, "hotfix for the outage");

        assertThat(o).isInstanceOf(DeployOutcome.Overridden.class);
        assertThat(w.repository.checks(id)).filteredOn(c -> c.name().equals("lock")).singleElement()
                .satisfies(c -> assertThat(c.overriddenBy()).isEqualTo(RM1));
        assertThat(w.deploys.go(id, LEAD)).isInstanceOf(DeployOutcome.Approved.class);
        assertThat(w.overrides.mayOverride(id, LEAD)).isInstanceOf(DeployOutcome.NotWaiting.class);
        assertThat(w.announcer.news().get(0)).isInstanceOf(DeployNews.Overridden.class);
    }

    @Test
    void nothingToOverrideWhenNothingBlocks() {
        long id = requested();

        assertThat(w.overrides.mayOverride(id, LEAD)).isInstanceOf(DeployOutcome.NothingBlocks.class);
        assertThat(List.of(w.overrides.override(id, LEAD, "just in case"))).singleElement()
                .isInstanceOf(DeployOutcome.NothingBlocks.class);
    }
}
