package dev.flightdeck.deploy;

import dev.flightdeck.audit.AuditEvent;
import dev.flightdeck.deploy.fakes.DeployWorld;
import org.junit.jupiter.api.Test;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static dev.flightdeck.deploy.fakes.DeployWorld.DEV;
import static dev.flightdeck.deploy.fakes.DeployWorld.LEAD;
import static dev.flightdeck.deploy.fakes.DeployWorld.OUTSIDER;
import static dev.flightdeck.deploy.fakes.DeployWorld.RM1;
import static dev.flightdeck.deploy.fakes.DeployWorld.RUNNER;
import static org.assertj.core.api.Assertions.assertThat;

/** The checklist rules on in-memory ports: what a request gets, who ticks, and that the build waits for the last tick. */
class DeployChecklistsTest {

    DeployWorld w = new DeployWorld();

    long request(String env, String... typed) {
        DeployOutcome o = w.requests.request(new NewDeploy("commons", "5.12.0", env, DEV, Optional.of(RUNNER),
                Optional.empty(), Optional.empty(), List.of(typed)));
        return ((DeployOutcome.Requested) o).request().id();
    }

    DeployOutcome tick(long id, String user, Set<Integer> selected, Set<Integer> seen) {
        return w.checklists.tick(id, user, selected, Optional.of(seen));
    }

    List<AuditEvent> audit(String type) {
        return w.audit.all().stream().filter(e -> e.type().equals(type)).toList();
    }

    @Test
    void theTeamFilesItemsComeFirstThenTheTypedOnesWithoutRepeats() {
        w = new DeployWorld(1, false, Map.of("prod", List.of("QA signed off on staging")));

        long id = request("prod", "set the SES sender", "QA signed off on staging");

        assertThat(w.repository.checklist(id)).extracting(ChecklistItem::text)
                .containsExactly("QA signed off on staging", "set the SES sender");
        assertThat(w.announcer.posted().get(0).checklist()).extracting(ChecklistItem::text)
                .containsExactly("QA signed off on staging", "set the SES sender");
    }

    @Test
    void aChecklistOverSlacksLimitsIsRefusedAndNothingIsCreated() {
        w = new DeployWorld(1, false, Map.of("prod", List.of("one", "two", "three")));
        List<String> eight = List.of("a", "b", "c", "d", "e", "f", "g", "h");

        DeployOutcome tooMany = w.requests.request(new NewDeploy("commons", "5.12.0", "prod", DEV, Optional.empty(),
                Optional.empty(), Optional.empty(), eight));
        DeployOutcome tooLong = w.requests.request(new NewDeploy("commons", "5.12.0", "prod", DEV, Optional.empty(),
                Optional.empty(), Optional.empty(), List.of("x".repeat(ChecklistLimits.MAX_ITEM_LENGTH + 1))));

        assertThat(tooMany).isEqualTo(new DeployOutcome.BadInput(new InputProblem.ChecklistTooLong(11, 3, 10)));
        assertThat(tooLong).isEqualTo(new DeployOutcome.BadInput(new InputProblem.ChecklistItemTooLong(
                "x".repeat(ChecklistLimits.MAX_ITEM_LENGTH + 1), ChecklistLimits.MAX_ITEM_LENGTH)));
        assertThat(w.repository.history("commons", Optional.empty(), 10)).isEmpty();
        assertThat(w.announcer.posted()).isEmpty();
    }

    @Test
    void startWaitsUntilEveryItemIsTickedAndARefusedStartNamesTheRest() {
        long id = request("prod", "set the SES sender", "QA signed off");
        w.deploys.go(id, LEAD);

        assertThat(w.deploys.start(id, RUNNER)).isEqualTo(new DeployOutcome.ChecklistOpen(
                w.repository.find(id).orElseThrow(), List.of("set the SES sender", "QA signed off")));
        tick(id, DEV, Set.of(0), Set.of());
        assertThat(w.deploys.start(id, RUNNER)).isInstanceOf(DeployOutcome.ChecklistOpen.class)
                .extracting(o -> ((DeployOutcome.ChecklistOpen) o).unticked()).isEqualTo(List.of("QA signed off"));
        assertThat(w.backend.triggered()).isEmpty();

        tick(id, RM1, Set.of(0, 1), Set.of(0));
        assertThat(w.deploys.start(id, RUNNER)).isInstanceOf(DeployOutcome.BuildStarted.class);
        assertThat(w.backend.triggered()).containsExactly(id);
    }

    @Test
    void whoTickedWhatAndWhenIsStoredAndOnTheAuditTrail() {
        long id = request("prod", "set the SES sender");
        w.clock.advance(java.time.Duration.ofMinutes(3));

        DeployOutcome o = tick(id, RUNNER, Set.of(0), Set.of());

        assertThat(o).isInstanceOf(DeployOutcome.ChecklistTicked.class);
        assertThat(((DeployOutcome.ChecklistTicked) o).ticked()).containsExactly("set the SES sender");
        assertThat(w.repository.checklist(id)).containsExactly(new ChecklistItem(0, "set the SES sender", RUNNER,
                DeployWorld.T0.plus(java.time.Duration.ofMinutes(3))));
        assertThat(audit("deploy.checklist_ticked")).singleElement().satisfies(e -> {
            assertThat(e.actor()).isEqualTo(RUNNER);
            assertThat(e.payloadJson()).contains("set the SES sender").contains("request=" + id);
        });
        assertThat(w.announcer.refreshed()).contains(id);
    }

    @Test
    void anOutsidersTickIsRefusedChangesNothingAndRedrawsTheMessage() {
        long id = request("prod", "set the SES sender");
        int redraws = Collections.frequency(w.announcer.refreshed(), id);

        DeployOutcome o = tick(id, OUTSIDER, Set.of(0), Set.of());

        assertThat(o).isInstanceOf(DeployOutcome.MayNotTick.class);
        assertThat(w.repository.checklist(id).get(0).ticked()).isFalse();
        assertThat(audit("deploy.checklist_ticked")).isEmpty();
        assertThat(Collections.frequency(w.announcer.refreshed(), id)).isEqualTo(redraws + 1);
    }

    @Test
    void twoPeopleTickingAtOnceFromTheSameScreenBothCount() {
        long id = request("prod", "a", "b");

        // Both saw nothing ticked; the second click's checkboxes do not show the first one's tick yet.
        tick(id, DEV, Set.of(0), Set.of());
        tick(id, RM1, Set.of(1), Set.of());

        assertThat(w.repository.checklist(id)).extracting(ChecklistItem::tickedBy).containsExactly(DEV, RM1);
    }

    @Test
    void aRepeatedClickChangesNothingTwice() {
        long id = request("prod", "a");

        tick(id, DEV, Set.of(0), Set.of());
        DeployOutcome again = tick(id, DEV, Set.of(0), Set.of());

        assertThat(again).isEqualTo(new DeployOutcome.ChecklistTicked(w.repository.find(id).orElseThrow(), List.of(), List.of()));
        assertThat(audit("deploy.checklist_ticked")).hasSize(1);
    }

    @Test
    void anUntickIsRecordedAndStartWaitsAgain() {
        long id = request("prod", "a");
        w.deploys.go(id, LEAD);
        tick(id, DEV, Set.of(0), Set.of());

        DeployOutcome o = tick(id, LEAD, Set.of(), Set.of(0));

        assertThat(((DeployOutcome.ChecklistTicked) o).unticked()).containsExactly("a");
        assertThat(audit("deploy.checklist_unticked")).singleElement().extracting(AuditEvent::actor).isEqualTo(LEAD);
        assertThat(w.deploys.start(id, RUNNER)).isInstanceOf(DeployOutcome.ChecklistOpen.class);
    }

    @Test
    void withoutWhatTheClickerSawTheDifferenceWithTheStoredStateIsTheChange() {
        long id = request("prod", "a", "b");
        tick(id, DEV, Set.of(0), Set.of());

        w.checklists.tick(id, DEV, Set.of(1), Optional.empty());

        assertThat(w.repository.checklist(id)).extracting(ChecklistItem::ticked).containsExactly(false, true);
    }

    @Test
    void onGoWithAutoStartAnOpenChecklistHoldsTheBuildAndTheLastTickStartsItOnce() {
        w = new DeployWorld(1, true, Map.of("prod", List.of("QA signed off on staging")));
        long id = request("prod", "set the SES sender");

        assertThat(w.deploys.go(id, LEAD)).isInstanceOf(DeployOutcome.Approved.class);
        assertThat(w.repository.find(id).orElseThrow().state()).isEqualTo(DeployState.APPROVED);
        assertThat(w.announcer.news(DeployNews.WaitsForChecklist.class)).containsExactly(new DeployNews.WaitsForChecklist(
                Optional.of(LEAD), List.of("QA signed off on staging", "set the SES sender")));
        assertThat(w.announcer.news(DeployNews.GoAhead.class)).isEmpty();
        assertThat(w.backend.triggered()).isEmpty();

        tick(id, DEV, Set.of(0), Set.of());
        assertThat(w.backend.triggered()).isEmpty();
        tick(id, RM1, Set.of(0, 1), Set.of(0));
        tick(id, RM1, Set.of(0, 1), Set.of(0));

        assertThat(w.backend.triggered()).containsExactly(id);
        assertThat(w.repository.find(id).orElseThrow().state()).isEqualTo(DeployState.RUNNING);
    }

    @Test
    void anAnnounceOnlyAutoStartWaitsForTheChecklistToo() {
        long id = request("staging", "smoke test the sign-up form");

        assertThat(w.repository.find(id).orElseThrow().state()).isEqualTo(DeployState.APPROVED);
        assertThat(w.announcer.news(DeployNews.WaitsForChecklist.class)).containsExactly(new DeployNews.WaitsForChecklist(
                Optional.empty(), List.of("smoke test the sign-up form")));
        assertThat(w.backend.triggered()).isEmpty();

        tick(id, RUNNER, Set.of(0), Set.of());

        assertThat(w.backend.triggered()).containsExactly(id);
    }

    @Test
    void aTickAfterTheBuildStartedIsRefused() {
        long id = request("staging");

        assertThat(tick(id, DEV, Set.of(0), Set.of())).isInstanceOf(DeployOutcome.NotWaiting.class);
    }
}
