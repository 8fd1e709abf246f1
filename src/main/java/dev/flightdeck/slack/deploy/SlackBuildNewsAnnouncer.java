package dev.flightdeck.slack.deploy;

import dev.flightdeck.deploy.BuildFailure;
import dev.flightdeck.deploy.BuildNews;
import dev.flightdeck.deploy.BuildNewsAnnouncer;
import dev.flightdeck.slack.api.outbox.Outbox;
import dev.flightdeck.slack.api.outbox.OutboxMessage;
import dev.flightdeck.text.Mrkdwn;
import jakarta.inject.Singleton;

/** {@link BuildNewsAnnouncer} on Slack: the team's convention in a colour bar, in the environment's channel. */
@Singleton
public class SlackBuildNewsAnnouncer implements BuildNewsAnnouncer {

    private final Outbox outbox;

    public SlackBuildNewsAnnouncer(Outbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public void foreignBuild(ForeignBuild build) {
        // The label and who come from the backend (a CodeBuild initiator, a Jenkins user): shown as written, pinging nobody.
        BuildNews news = BuildNews.of(build.phase(), build.where(), Mrkdwn.escapeForeign(build.label()),
                build.who() == null ? null : Mrkdwn.escapeForeign(build.who()), build.url());
        // Through the outbox: a Slack outage delays the notice instead of dropping it; one build's notices keep their
        // order, since they share a key.
        outbox.send(OutboxMessage.post(orderOf(build), build.channel().text(), null)
                .attachments(BuildNewsMessages.colourBar(news)).key(noticeKey(build)));
    }

    /** In the thread of the failure's notice, once that is posted (same ordering key: never before it). */
    @Override
    public void foreignFailure(ForeignBuild build, BuildFailure why) {
        outbox.send(OutboxMessage.post(orderOf(build), build.channel().text(), FailureWords.say(why))
                .inThreadOf(noticeKey(build)));
    }

    private static String orderOf(ForeignBuild build) {
        return "build:" + build.backend() + ":" + build.label();
    }

    private static String noticeKey(ForeignBuild build) {
        return orderOf(build) + ":" + build.phase().name();
    }
}
