package dev.flightdeck.slack.deploy;

import com.slack.api.methods.request.chat.ChatPostEphemeralRequest;
import com.slack.api.model.Attachment;
import dev.flightdeck.deploy.BuildNews;
import dev.flightdeck.slack.deploy.BuildNewsMessages;
import dev.flightdeck.team.ChannelRef;
import dev.flightdeck.deploy.EnvironmentConfig;
import dev.flightdeck.team.TeamConfig;
import dev.flightdeck.deploy.Links;
import dev.flightdeck.deploy.DeployNews;
import dev.flightdeck.deploy.DeployAnnouncer;
import dev.flightdeck.deploy.DeployRequest;
import dev.flightdeck.deploy.DeployView;
import dev.flightdeck.slack.api.SlackGateway;
import dev.flightdeck.slack.api.ThreadMarkers;
import dev.flightdeck.slack.api.outbox.Outbox;
import dev.flightdeck.slack.api.outbox.OutboxEntry;
import dev.flightdeck.slack.api.outbox.OutboxMessage;
import dev.flightdeck.slack.deploy.BuildJobs;
import dev.flightdeck.slack.deploy.DeployMessage;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import java.util.List;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Optional;

/**
 * {@link DeployAnnouncer} on Slack. Every message goes through the {@link Outbox}, rendered when the change happened
 * and queued under the deploy's key, so a deploy's messages land in the order they happened and a Slack outage only
 * delays them. Thread replies and updates queued before the go/no-go was posted name it as their parent and are
 * sent once its ts is known.
 */
@Singleton
public class SlackDeployAnnouncer implements DeployAnnouncer {

    private static final Logger LOG = LoggerFactory.getLogger(SlackDeployAnnouncer.class);
    /**
     * How long a call waits for its message's first try (calls run after the ack, on an executor or a timer): /deploy
     * answers "queued" after it, and the callers see Slack's pace as before. A message stuck behind one that Slack has
     * not taken does not wait.
     */
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final SlackGateway gateway;
    private final Outbox outbox;
    private final TeamConfig config;
    private final ApproverMentions mentions;
    private final Links links;
    private final ShipsBlocks ships;
    private final ConfigSinceBlocks configSince;

    public SlackDeployAnnouncer(SlackGateway gateway, Outbox outbox, TeamConfig config, ApproverMentions mentions,
                                Links links, ShipsBlocks ships, ConfigSinceBlocks configSince) {
        this.ships = ships;
        this.configSince = configSince;
        this.links = links;
        this.gateway = gateway;
        this.outbox = outbox;
        this.config = config;
        this.mentions = mentions;
    }

    /** The key of a deploy's messages, and the message key of its go/no-go. */
    static String keyOf(long deployId) {
        return "deploy:" + deployId;
    }

    @Override
    public Optional<MessageRef> post(DeployView view) {
        OutboxEntry e = outbox.sendAndWait(goNoGo(view), WAIT);
        return switch (e.state()) {
            case SENT -> Optional.of(new MessageRef(e.sentChannel(), e.sentTs()));
            case FAILED, EXPIRED -> throw new AnnounceFailed(e.lastError()
                    + gateway.channels().advice(channelOf(view.request())).map(a -> "; " + a).orElse(""), null);
            case PENDING -> Optional.empty();
        };
    }

    @Override
    public void queuePost(DeployView view) {
        outbox.send(goNoGo(view));
    }

    private OutboxMessage goNoGo(DeployView view) {
        DeployRequest r = view.request();
        DeployMessage message = render(view);
        // chat.postMessage takes a #name too; its answer carries the id, which is what the hook stores.
        return OutboxMessage.post(keyOf(r.id()), channelOf(r), message.text()).blocks(ships.into(r, configSince.into(r, message.blocks())))
                .key(keyOf(r.id())).onSent(DeployMessageRecorder.hook(r.id()));
    }

    @Override
    public void refresh(DeployView view) {
        DeployRequest r = view.request();
        DeployMessage message = render(view);
        OutboxMessage update = r.hasMessage()
                ? OutboxMessage.update(keyOf(r.id()), r.channelId(), r.messageTs(), message.text())
                : OutboxMessage.updateOf(keyOf(r.id()), keyOf(r.id()), message.text());
        outbox.sendAndWait(update.blocks(ships.into(r, configSince.into(r, message.blocks()))), WAIT);
    }

    @Override
    public void reply(DeployRequest r, DeployNews news) {
        if (news instanceof DeployNews.Build build) {
            buildNews(r, NewsWords.build(r, build));
            return;
        }
        outbox.sendAndWait(replyTo(r, NewsWords.say(r, news, mentions::of)), WAIT);
    }

    @Override
    public void reply(DeployRequest r, DeployNews news, String key) {
        // The key makes the reply queued once, however often a scheduler run that died is redone.
        outbox.sendAndWait(replyTo(r, NewsWords.say(r, news, mentions::of)).key(keyOf(r.id()) + ":" + key).marker(key), WAIT);
    }

    @Override
    public boolean hasReply(DeployRequest r, String key) {
        // The thread first: a reply sent before the outbox existed is only there.
        return r.hasMessage() && ThreadMarkers.inThread(gateway, r.channelId(), r.messageTs(), key)
                || outbox.queued(keyOf(r.id()) + ":" + key);
    }

    private OutboxMessage replyTo(DeployRequest r, String text) {
        return inThread(r, OutboxMessage.post(keyOf(r.id()), r.hasMessage() ? r.channelId() : channelOf(r), text));
    }

    private static OutboxMessage inThread(DeployRequest r, OutboxMessage m) {
        return r.hasMessage() ? m.inThread(r.messageTs()) : m.inThreadOf(keyOf(r.id()));
    }

    private void buildNews(DeployRequest r, BuildNews news) {
        List<Attachment> colour = BuildNewsMessages.colourBar(news);
        String channel = r.hasMessage() ? r.channelId() : channelOf(r);
        // Starts and results go to the channel itself, so they are seen without opening the thread; the thread copy
        // keeps the deploy's story in one place. Channel first: once the thread has it, the channel has it too.
        outbox.send(OutboxMessage.post(keyOf(r.id()), channel, null).attachments(colour));
        // The thread copy of a success carries Promote to <ENV> where another environment takes versions from here.
        outbox.sendAndWait(inThread(r, OutboxMessage.post(keyOf(r.id()), channel, null)
                .attachments(PromoteOffer.threadCopy(config, r, news, colour))), WAIT);
    }

    /** Something only {@code userId} sees, in {@code channelId}. */
    public void tell(String channelId, String userId, String text) {
        gateway.postEphemeral(ChatPostEphemeralRequest.builder().channel(channelId).user(userId).text(text).build())
                .whenComplete((response, e) -> {
                    if (e != null || !response.isOk()) {
                        LOG.warn("could not tell {} in {}: {}", userId, channelId, e != null ? e.getMessage() : response.getError());
                    }
                });
    }

    private DeployMessage render(DeployView view) {
        DeployRequest r = view.request();
        EnvironmentConfig env = config.environment(r.environment()).orElseThrow();
        String job = config.service(r.service()).map(s -> BuildJobs.describe(s.buildFor(r.environment()))).orElse("unknown");
        return new DeployMessage(view, env, mentions.of(env.approvers()), job, links.deployPage(r.id()));
    }

    private String channelOf(DeployRequest r) {
        ChannelRef channel = config.environment(r.environment()).orElseThrow().channel();
        return channel.text();
    }
}
