package dev.flightdeck.alarms;

import dev.flightdeck.alarms.AlertIntake.Posted;
import dev.flightdeck.deploy.ApproverRef;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** An unacknowledged production alarm re-pings the approvers every alert-nudge-after while it fires. */
@MicronautTest(transactional = false, startApplication = false)
class AlertNudgesTest extends AlertRig {

    static final List<ApproverRef> APPROVERS = List.of(new ApproverRef.Group("release-managers"),
            new ApproverRef.User("U0LEAD"));

    List<RecordingNews.Nudge> nudgesOf(long id) {
        return news.nudges.stream().filter(n -> n.episode().id() == id).toList();
    }

    @Test
    void anUnacknowledgedProductionAlarmPingsTheApproversAfterTheNudgeTimeAndAgainAfterThat() {
        long id = ((Posted) episodes.receive(alarm("5xx").build())).episodeId();
        clock.advance(Duration.ofMinutes(14));
        nudges.runDue();
        assertThat(nudgesOf(id)).isEmpty();

        clock.advance(Duration.ofMinutes(1));
        nudges.runDue();
        nudges.runDue();
        assertThat(nudgesOf(id)).singleElement().satisfies(n -> {
            assertThat(n.who()).isEqualTo(APPROVERS);
            assertThat(n.episode().nudges()).isEqualTo(1);
        });

        clock.advance(Duration.ofMinutes(15));
        nudges.runDue();
        assertThat(nudgesOf(id)).hasSize(2);
        assertThat(episode(id).nudges()).isEqualTo(2);
    }

    @Test
    void anAlarmThatNeverClearsIsPingedAtMostFourTimes() {
        long id = ((Posted) episodes.receive(alarm("stuck").build())).episodeId();
        for (int i = 0; i < 8; i++) {
            clock.advance(Duration.ofMinutes(15));
            nudges.runDue();
        }
        assertThat(nudgesOf(id)).hasSize(AlertNudges.MAX_NUDGES);
        assertThat(episode(id).nextNudgeAt()).isEmpty();
    }

    @Test
    void acknowledgedOrClearedAlarmsAreNotNudged() {
        long acked = ((Posted) episodes.receive(alarm("5xx").build())).episodeId();
        long cleared = ((Posted) episodes.receive(alarm("lag").build())).episodeId();
        episodes.acknowledge(acked, "U0ACK");
        clock.advance(Duration.ofMinutes(5));
        episodes.receive(alarm("lag").ok().at(now()).build());

        clock.advance(Duration.ofMinutes(30));
        nudges.runDue();

        assertThat(nudgesOf(acked)).isEmpty();
        assertThat(nudgesOf(cleared)).isEmpty();
    }

    @Test
    void anAlarmAcknowledgedAfterItsFirstNudgeIsNotNudgedAgain() {
        long id = ((Posted) episodes.receive(alarm("5xx").build())).episodeId();
        clock.advance(Duration.ofMinutes(15));
        nudges.runDue();
        episodes.acknowledge(id, "U0ACK");

        clock.advance(Duration.ofMinutes(15));
        nudges.runDue();

        assertThat(nudgesOf(id)).hasSize(1);
    }

    @Test
    void stagingIsNeverNudged() {
        long id = ((Posted) episodes.receive(alarm("5xx").in(service, "staging").build())).episodeId();
        assertThat(episode(id).nextNudgeAt()).isEmpty();

        clock.advance(Duration.ofHours(2));
        nudges.runDue();

        assertThat(nudgesOf(id)).isEmpty();
    }

    @Test
    void twoReplicasNudgingAtOnceSendOneNudge() throws Exception {
        long id = ((Posted) episodes.receive(alarm("5xx").build())).episodeId();
        AlertNudges other = new AlertNudges(store, news, team, clock);
        clock.advance(Duration.ofMinutes(15));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        Future<Integer> a = pool.submit(() -> {
            start.await();
            return nudges.runDue();
        });
        Future<Integer> b = pool.submit(() -> {
            start.await();
            return other.runDue();
        });
        start.countDown();
        a.get();
        b.get();
        pool.shutdown();

        assertThat(nudgesOf(id)).hasSize(1);
    }
}
