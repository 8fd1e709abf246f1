package dev.flightdeck.alarms;

import dev.flightdeck.deploy.ApproverRef;
import dev.flightdeck.slack.alarms.SlackAlertNews;
import dev.flightdeck.testing.FakeSlack;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The alarm message's thread and its refused clicks, through the running alerts app: a nudge pings the people it is
 * given in the episode's thread, once per nudge; a button that names no episode, or one that is gone, is answered to
 * its clicker alone and changes nothing; the Runbook link's click is only acked.
 */
class AlarmThreadAndRefusalsTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    static AlertsApp app;
    static String alerts;

    @BeforeAll
    static void start() {
        app = AlertsApp.shared();
        alerts = app.slack.channel("alerts").orElseThrow().id();
    }

    @Test
    void aNudgePingsTheOnCallInTheThreadOncePerNudge() {
        String lead = app.slack.addUser("lead-" + suffix());
        String handle = "oncall-" + suffix();
        String group = app.slack.addUserGroup(handle, List.of(lead));
        String alarm = AlarmMessageFlowTest.alarmName("nudge");
        app.awsEvent(AlarmMessageFlowTest.event(alarm, "ALARM", Instant.now()).toString(), AlertsApp.EVENTS_TOKEN);
        FakeSlack.Call post = app.slack.awaitCall("chat.postMessage", c -> c.ok() && c.text() != null
                && c.text().contains(" " + alarm + " "), WAIT);
        String ts = post.response().get("ts").getAsString();
        AlertEpisode episode = app.bean(AlertEpisodeStore.class)
                .current("cloudwatch", AlarmMessageFlowTest.arn(alarm)).orElseThrow().episode();
        List<ApproverRef> who = List.of(new ApproverRef.Group(handle), new ApproverRef.User(lead));
        SlackAlertNews news = app.bean(SlackAlertNews.class);

        news.nudge(nudged(episode, 1), who);
        news.nudge(nudged(episode, 1), who); // a scheduler run redone: the same nudge
        news.nudge(nudged(episode, 2), who);
        news.update(nudged(episode, 2)); // queued behind the nudges: once it is sent, they are too

        app.slack.awaitCall("chat.update", c -> c.ok() && ts.equals(c.param("ts")), WAIT);
        assertThat(replies(ts)).hasSize(2).allSatisfy(reply -> assertThat(reply.text()).startsWith(":bell: <!subteam^"
                + group + "> <@" + lead + "> *PROD: ALARM " + alarm + "* has fired for ")
                .endsWith("and nobody has acknowledged it. *Acknowledge* it above if you are on it, or *Declare incident*."));
    }

    @Test
    void aButtonNamingNoEpisodeIsAnsweredToItsClickerAndChangesNothing() {
        String dan = app.slack.addUser("dan-" + suffix());
        app.slack.addMember(alerts, dan);

        click("alert_ack", "not-an-episode", dan);
        assertThat(app.slack.awaitCall("chat.postEphemeral", c -> dan.equals(c.param("user")), WAIT).text())
                .isEqualTo("That button does not name an alarm episode; the message may be from another version of Flightdeck.");
        click("alert_declare", "987654321", dan);
        assertThat(app.slack.awaitCall("chat.postEphemeral", c -> dan.equals(c.param("user"))
                && c.text().contains("987654321"), WAIT).text())
                .isEqualTo("There is no alarm episode 987654321; the message may be from another Flightdeck.");
        assertThat(app.bean(AlertEpisodeStore.class).find(987654321L)).isEmpty();
        assertThat(app.slack.calls("views.open")).noneMatch(c -> c.param("view").contains("alert:987654321"));
    }

    @Test
    void theRunbooksClickIsAcked() {
        String eve = app.slack.addUser("eve-" + suffix());
        assertThat(click("alert_runbook", "1", eve)).isEqualTo(200);
    }

    private static AlertEpisode nudged(AlertEpisode e, int nudges) {
        return new AlertEpisode(e.id(), e.latest(), e.firedAt(), e.okSince(), e.acknowledgedBy(), e.acknowledgedAt(),
                e.flaps(), e.message(), e.nextNudgeAt(), nudges, e.incident());
    }

    private static List<FakeSlack.Call> replies(String ts) {
        return app.slack.successfulCalls("chat.postMessage").stream().filter(c -> ts.equals(c.param("thread_ts"))).toList();
    }

    private static int click(String action, String value, String user) {
        return app.signed.blockAction(action, "alert_actions:" + value, value, user, alerts, "1700000000.000100",
                app.slack.responseUrl()).send(app.server.getURI()).status();
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 6);
    }
}
