package dev.flightdeck.alarms;

import dev.flightdeck.alarms.AlertIntake.Ignored;
import dev.flightdeck.alarms.AlertIntake.Posted;
import dev.flightdeck.alarms.AlertIntake.Updated;
import dev.flightdeck.team.ChannelRef;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** What an alarm's reports do: one message per episode, updated in place, flaps reusing it, repeats changing nothing. */
@MicronautTest(transactional = false, startApplication = false)
class AlertEpisodesTest extends AlertRig {

    @Test
    void aFirstAlarmPostsOneMessageInTheEnvironmentsAlertsChannel() {
        AlertIntake.Result result = episodes.receive(alarm("5xx").build());

        assertThat(result).isInstanceOf(Posted.class);
        long id = ((Posted) result).episodeId();
        assertThat(news.posts).hasSize(1);
        assertThat(news.posts.get(0).channel()).isEqualTo(new ChannelRef.Named("alerts"));
        assertThat(news.posts.get(0).episode().state()).isEqualTo(AlertState.ALARM);
        assertThat(episode(id).message()).contains(new AlertEpisode.Message("C-alerts", "1700000000.1"));
        assertThat(episode(id).firedAt()).isEqualTo(now());
    }

    @Test
    void withoutAnAlertsChannelTheEnvironmentsOwnChannelHearsIt() {
        episodes.receive(alarm("5xx").in(service, "staging").build());

        assertThat(news.posts).singleElement().extracting(RecordingNews.Post::channel)
                .isEqualTo(new ChannelRef.Named("deploys"));
    }

    @Test
    void theSameStateReportedAgainChangesNothing() {
        episodes.receive(alarm("5xx").build());

        AlertIntake.Result again = episodes.receive(alarm("5xx").event("evt-2").build());

        assertThat(again).isEqualTo(new Ignored("already ALARM"));
        assertThat(news.posts).hasSize(1);
        assertThat(news.updates).isEmpty();
    }

    @Test
    void backToOkRedrawsTheSameMessageWithWhenItCleared() {
        long id = ((Posted) episodes.receive(alarm("5xx").build())).episodeId();
        clock.advance(Duration.ofMinutes(7));

        AlertIntake.Result result = episodes.receive(alarm("5xx").ok().reason("Threshold Crossed: 0 datapoints")
                .at(now()).build());

        assertThat(result).isEqualTo(new Updated(id));
        assertThat(news.posts).hasSize(1);
        AlertEpisode redrawn = news.lastUpdate();
        assertThat(redrawn.id()).isEqualTo(id);
        assertThat(redrawn.state()).isEqualTo(AlertState.OK);
        assertThat(redrawn.okSince()).contains(now());
        assertThat(Duration.between(redrawn.firedAt(), redrawn.okSince().orElseThrow())).isEqualTo(Duration.ofMinutes(7));
        assertThat(redrawn.message()).isPresent();
        assertThat(redrawn.nextNudgeAt()).isEmpty();
    }

    @Test
    void firingAgainWithinTheFlapWindowIsTheSameEpisodeWithOneMoreFlap() {
        long id = ((Posted) episodes.receive(alarm("5xx").build())).episodeId();
        clock.advance(Duration.ofMinutes(2));
        episodes.receive(alarm("5xx").ok().at(now()).build());
        clock.advance(Duration.ofMinutes(9));

        AlertIntake.Result result = episodes.receive(alarm("5xx").at(now()).build());

        assertThat(result).isEqualTo(new Updated(id));
        assertThat(news.posts).hasSize(1);
        assertThat(news.lastUpdate().flaps()).isEqualTo(1);
        assertThat(news.lastUpdate().state()).isEqualTo(AlertState.ALARM);
        assertThat(news.lastUpdate().okSince()).isEmpty();
        assertThat(news.lastUpdate().nextNudgeAt()).contains(now().plus(Duration.ofMinutes(15)));
    }

    @Test
    void firingAgainAfterTheFlapWindowIsANewEpisodeAndANewMessage() {
        long first = ((Posted) episodes.receive(alarm("5xx").build())).episodeId();
        episodes.receive(alarm("5xx").ok().at(now()).build());
        clock.advance(Duration.ofMinutes(10));

        AlertIntake.Result result = episodes.receive(alarm("5xx").at(now()).build());

        assertThat(result).isInstanceOf(Posted.class);
        assertThat(((Posted) result).episodeId()).isNotEqualTo(first);
        assertThat(news.posts).hasSize(2);
        assertThat(episode(first).state()).isEqualTo(AlertState.OK);
    }

    @Test
    void stagingsShorterFlapWindowEndsItsEpisodeSooner() {
        episodes.receive(alarm("5xx").in(service, "staging").build());
        episodes.receive(alarm("5xx").in(service, "staging").ok().at(now()).build());
        clock.advance(Duration.ofMinutes(6));

        assertThat(episodes.receive(alarm("5xx").in(service, "staging").at(now()).build())).isInstanceOf(Posted.class);
    }

    @Test
    void okOrNoDataWithoutAnEpisodeIsIgnoredSayingSo() {
        assertThat(episodes.receive(alarm("5xx").ok().build()))
                .isEqualTo(new Ignored("back to OK with no alarm episode open"));
        assertThat(episodes.receive(alarm("5xx").noData().build()))
                .isEqualTo(new Ignored("no data (INSUFFICIENT_DATA) with no alarm episode open"));
        assertThat(news.posts).isEmpty();
    }

    @Test
    void noDataIsShownInTheMessageButNotAsAnAlarmAndStopsTheNudges() {
        long id = ((Posted) episodes.receive(alarm("5xx").build())).episodeId();

        AlertIntake.Result result = episodes.receive(alarm("5xx").noData().reason("Insufficient Data").build());

        assertThat(result).isEqualTo(new Updated(id));
        assertThat(news.lastUpdate().state()).isEqualTo(AlertState.INSUFFICIENT_DATA);
        assertThat(news.lastUpdate().latest().reason()).isEqualTo("Insufficient Data");
        assertThat(news.lastUpdate().nextNudgeAt()).isEmpty();
        assertThat(news.lastUpdate().flaps()).isZero();
    }

    @Test
    void anEnvironmentNotInTheTeamFileIsIgnoredSayingSo() {
        assertThat(episodes.receive(alarm("5xx").in(service, "qa").build()))
                .isEqualTo(new Ignored("environment qa is not in the team file"));
        assertThat(news.posts).isEmpty();
    }

    @Test
    void twoReplicasReceivingTheSameAlarmAtOncePostOnce() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<AlertIntake.Result>> results = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Callable<AlertIntake.Result> one = () -> {
                start.await();
                return episodes.receive(alarm("5xx").build());
            };
            results.add(pool.submit(one));
        }
        start.countDown();
        int posted = 0;
        for (Future<AlertIntake.Result> r : results) {
            posted += r.get() instanceof Posted ? 1 : 0;
        }
        pool.shutdown();

        assertThat(posted).isEqualTo(1);
        assertThat(news.posts).hasSize(1);
    }
}
