package dev.flightdeck.slack.deploy.flags;

import dev.flightdeck.deploy.EnvironmentConfig;
import dev.flightdeck.deploy.flags.FlagAnnouncer;
import dev.flightdeck.deploy.flags.FlagNews;
import dev.flightdeck.deploy.flags.FlagRequest;
import dev.flightdeck.slack.api.outbox.Outbox;
import dev.flightdeck.slack.api.outbox.OutboxEntry;
import dev.flightdeck.slack.api.outbox.OutboxMessage;
import dev.flightdeck.slack.deploy.ApproverMentions;
import dev.flightdeck.team.TeamConfig;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.Optional;

/**
 * {@link FlagAnnouncer} on Slack. Every message goes through the outbox under the request's key, so a request's
 * messages land in the order they happened and a Slack outage only delays them (retried, never lost). News of a request
 * whose ts is not known yet waits in the outbox for its post (found by the request's key); the channel line saying a
 * flag changed never waits for anything.
 */
@Singleton
public class SlackFlagAnnouncer implements FlagAnnouncer {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private final Outbox outbox;
    private final TeamConfig config;
    private final ApproverMentions mentions;

    public SlackFlagAnnouncer(Outbox outbox, TeamConfig config, ApproverMentions mentions) {
        this.outbox = outbox;
        this.config = config;
        this.mentions = mentions;
    }

    static String keyOf(long requestId) {
        return "flag-request:" + requestId;
    }

    @Override
    public Optional<FlagRequest.Message> post(FlagRequest request) {
        FlagRequestMessage m = render(request, Optional.empty());
        OutboxEntry e = outbox.sendAndWait(OutboxMessage.post(keyOf(request.id()), channelOf(request), m.text())
                .blocks(m.blocks()).key(keyOf(request.id())), WAIT);
        return e.state() == OutboxEntry.State.SENT
                ? Optional.of(new FlagRequest.Message(e.sentChannel(), e.sentTs())) : Optional.empty();
    }

    @Override
    public void changed(FlagRequest request, FlagNews news) {
        String key = keyOf(request.id());
        FlagRequestMessage m = render(request, FlagNewsWords.actor(news));
        String words = FlagNewsWords.thread(request, news, m.approverMentions());
        if (request.message().isPresent()) {
            FlagRequest.Message at = request.message().get();
            outbox.send(OutboxMessage.update(key, at.channelId(), at.ts(), m.text()).blocks(m.blocks()));
            outbox.send(OutboxMessage.post(key, at.channelId(), words).inThread(at.ts()));
        } else {
            // Posted, but its ts not stored yet (or the post is still queued): the outbox finds it by its key.
            outbox.send(OutboxMessage.updateOf(key, key, m.text()).blocks(m.blocks()));
            outbox.send(OutboxMessage.post(key, channelOf(request), words).inThreadOf(key));
        }
        if (news instanceof FlagNews.Applied applied) {
            // In the channel itself too: a production flag flip is seen without opening a thread. Without a stored
            // post it goes in an ordering of its own, so it never waits behind news waiting for that post.
            String order = request.message().isPresent() ? key : "flag-announce:" + request.id();
            outbox.send(OutboxMessage.post(order, request.message().map(FlagRequest.Message::channelId)
                    .orElseGet(() -> channelOf(request)), FlagNewsWords.announcement(request, applied)));
        }
    }

    FlagRequestMessage render(FlagRequest request, Optional<String> decidedBy) {
        EnvironmentConfig env = config.environment(request.environment()).orElseThrow(
                () -> new IllegalStateException("no environment " + request.environment() + " in the team config"));
        String provider = config.flags().map(f -> f.providerName()).orElse("the flag provider");
        return new FlagRequestMessage(request, env, provider, mentions.of(env.approvers()), decidedBy);
    }

    private String channelOf(FlagRequest r) {
        return config.environment(r.environment()).orElseThrow().channel().text();
    }
}
