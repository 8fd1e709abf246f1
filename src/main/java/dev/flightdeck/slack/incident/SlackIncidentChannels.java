package dev.flightdeck.slack.incident;

import com.slack.api.methods.SlackApiTextResponse;
import com.slack.api.methods.response.conversations.ConversationsCreateResponse;
import com.slack.api.model.block.LayoutBlock;
import dev.flightdeck.team.ChannelRef;
import dev.flightdeck.team.TeamConfig;
import dev.flightdeck.deploy.Links;
import dev.flightdeck.incident.Incident;
import dev.flightdeck.incident.IncidentChannels;
import dev.flightdeck.incident.IncidentRole;
import dev.flightdeck.incident.summary.IncidentSummary;
import dev.flightdeck.slack.api.SlackCall;
import dev.flightdeck.slack.api.SlackGateway;
import dev.flightdeck.slack.api.outbox.Outbox;
import dev.flightdeck.slack.api.outbox.OutboxMessage;
import dev.flightdeck.slack.incident.IncidentCard;
import dev.flightdeck.slack.incident.IncidentMessages;
import dev.flightdeck.slack.incident.SummaryBlocks;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionException;

/**
 * {@link IncidentChannels} on Slack: every call through the {@link SlackGateway} (rate limits, retries). Messages
 * (posts, updates, broadcasts, DMs, card updates) go through the {@link Outbox} under the incident's key: rendered
 * from the change that caused them, delivered in the order they were made, and kept until Slack takes them. The set-up
 * steps whose answer is needed at once (channel, invites, the card's ts to pin it, topic, pin) are called directly;
 * {@link dev.flightdeck.incident.IncidentSetup} records each and resumes a declaration Slack interrupted.
 */
@Singleton
public class SlackIncidentChannels implements IncidentChannels {

    private final SlackGateway gateway;
    private final Outbox outbox;
    private final TeamConfig config;
    private final Links links;

    private final PostedCards posted = new PostedCards();
    private List<IncidentCardSection> sections = List.of();

    public SlackIncidentChannels(SlackGateway gateway, Outbox outbox, TeamConfig config, Links links) {
        this.links = links;
        this.gateway = gateway;
        this.outbox = outbox;
        this.config = config;
    }

    /** Other features' blocks on the card (follow-ups). */
    @jakarta.inject.Inject
    void sections(List<IncidentCardSection> sections) {
        this.sections = List.copyOf(sections);
    }

    private List<LayoutBlock> cardBlocks(Incident incident) {
        List<LayoutBlock> extra = new java.util.ArrayList<>();
        for (IncidentCardSection section : sections) {
            try {
                extra.addAll(section.blocks(incident));
            } catch (RuntimeException e) {
                // the card without that section is better than no card
            }
        }
        return IncidentCard.blocks(incident, extra);
    }

    /** How long a message call waits for its first try; one stuck behind a message Slack has not taken does not wait. */
    private static final Duration WAIT = Duration.ofSeconds(30);

    private static String keyOf(Incident incident) {
        return "incident:" + incident.number();
    }

    @Override
    public Created createChannel(String name) {
        ConversationsCreateResponse r = call("conversations.create", c -> c.conversationsCreate(q -> q.name(name)),
                "name_taken");
        return r.isOk() ? new Created.Ok(r.getChannel().getId()) : new Created.NameTaken();
    }

    @Override
    public void invite(String channelId, Collection<String> userIds) {
        List<String> users = List.copyOf(Set.copyOf(userIds));
        // One call for everyone (conversations.invite takes a comma-separated list).
        call("conversations.invite", c -> c.conversationsInvite(q -> q.channel(channelId).users(users)),
                "already_in_channel", "cant_invite_self");
    }

    @Override
    public String postCard(Incident incident) {
        String channel = incident.channelId().orElseThrow();
        String text = IncidentCard.text(incident);
        List<LayoutBlock> blocks = cardBlocks(incident);
        String ts = call("chat.postMessage", c -> c.chatPostMessage(q -> q.channel(channel).text(text).blocks(blocks)))
                .getTs();
        posted.remember(channel, ts, text, blocks);
        return ts;
    }

    @Override
    public void updateCard(Incident incident) {
        updateCard(incident, false);
    }

    /** Skips the {@code chat.update} when the card this process posted already shows {@code incident}. */
    @Override
    public void refreshCard(Incident incident) {
        updateCard(incident, true);
    }

    private void updateCard(Incident incident, boolean unlessUnchanged) {
        if (incident.channelId().isEmpty() || incident.cardTs().isEmpty()) {
            return; // the declaration posts the card with the latest state when it gets there
        }
        String channel = incident.channelId().get();
        String ts = incident.cardTs().get();
        String text = IncidentCard.text(incident);
        List<LayoutBlock> blocks = cardBlocks(incident);
        if (unlessUnchanged && posted.unchanged(channel, ts, text, blocks)) {
            return;
        }
        outbox.sendAndWait(OutboxMessage.update(keyOf(incident), channel, ts, text).blocks(blocks), WAIT);
    }

    @Override
    public void pin(String channelId, String ts) {
        call("pins.add", c -> c.pinsAdd(q -> q.channel(channelId).timestamp(ts)), "already_pinned");
    }

    @Override
    public void setTopic(Incident incident) {
        incident.channelId().ifPresent(channel -> call("conversations.setTopic",
                c -> c.conversationsSetTopic(q -> q.channel(channel).topic(IncidentCard.topic(incident)))));
    }

    @Override
    public void announce(Incident incident, Announcement announcement) {
        channel(config.incidents().announceChannel()).ifPresent(ch -> post(incident, ch,
                IncidentMessages.announcement(incident, IncidentMessages.headline(announcement)), null));
    }

    /** A plain message in the incident channel; returns once it is queued (callable before the ack). */
    public void post(Incident incident, String text) {
        incident.channelId().ifPresent(ch -> queue(incident, ch, text));
    }

    /**
     * A status update: in the incident channel and broadcast to the stakeholder channel, rendered from
     * {@code incident} as given; returns once it is queued (callable before the ack).
     */
    public void postUpdate(Incident incident, String text, String authorId) {
        String message = IncidentMessages.update(incident, text, authorId);
        incident.channelId().ifPresent(ch -> queue(incident, ch, message));
        channel(config.incidents().stakeholderChannel()).ifPresent(ch -> queue(incident, ch, message));
    }

    /** DMs the new holder of a role what it asks of them. */
    public void briefRole(Incident incident, IncidentRole role, String userId) {
        post(incident, userId, IncidentMessages.roleBrief(incident, role), null);
    }

    @Override
    public void remindCommunicator(Incident incident, String communicatorId, Duration since) {
        post(incident, communicatorId, IncidentMessages.reminderText(incident, since), IncidentMessages.reminder(incident, since));
    }

    @Override
    public void remindCommander(Incident incident, Duration since) {
        post(incident, incident.commanderId(), IncidentMessages.commanderReminder(incident, since), null);
    }

    /** The summary in the incident channel and the stakeholder channel. */
    public void postSummary(Incident incident, IncidentSummary summary) {
        String text = SummaryBlocks.text(summary);
        List<LayoutBlock> blocks = SummaryBlocks.blocks(summary, links.incidentPage(incident.number()));
        incident.channelId().ifPresent(ch -> post(incident, ch, text, blocks));
        channel(config.incidents().stakeholderChannel()).ifPresent(ch -> post(incident, ch, text, blocks));
    }

    @Override
    public void setupStopped(Incident incident, String cause, Duration retryEvery) {
        String text = IncidentMessages.setupStopped(incident, cause, retryEvery);
        incident.declaredIn().ifPresent(channel -> call("chat.postEphemeral", c -> c.chatPostEphemeral(q -> q
                .channel(channel).user(incident.declaredBy()).text(text))));
    }

    /**
     * Queues a message and waits for its first try, as these calls did before the outbox (they run after the ack).
     * {@code channel}: a channel id, a #name, or a user id (Slack opens the DM).
     */
    private void post(Incident incident, String channel, String text, List<LayoutBlock> blocks) {
        outbox.sendAndWait(OutboxMessage.post(keyOf(incident), channel, text).blocks(blocks), WAIT);
    }

    /** Queues a message without waiting: for messages queued in the command's own thread, before the ack. */
    private void queue(Incident incident, String channel, String text) {
        outbox.send(OutboxMessage.post(keyOf(incident), channel, text));
    }

    private static Optional<String> channel(Optional<ChannelRef> ref) {
        return ref.map(r -> r instanceof ChannelRef.Id id ? id.id() : r.text());
    }

    private <T extends SlackApiTextResponse> T call(String method, SlackCall<T> call, String... tolerated) {
        T response;
        try {
            response = gateway.call(method, call).join();
        } catch (CompletionException e) {
            throw new ChannelsFailed("Slack " + method + " failed", e.getCause());
        }
        if (!response.isOk() && !Set.of(tolerated).contains(response.getError())) {
            throw new ChannelsFailed("Slack " + method + " answered " + response.getError(), null);
        }
        return response;
    }
}
