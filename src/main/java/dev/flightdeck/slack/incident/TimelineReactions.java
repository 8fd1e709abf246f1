package dev.flightdeck.slack.incident;

import com.slack.api.bolt.App;
import com.slack.api.methods.response.conversations.ConversationsHistoryResponse;
import com.slack.api.methods.response.conversations.ConversationsRepliesResponse;
import com.slack.api.model.Message;
import com.slack.api.model.event.ReactionAddedEvent;
import dev.flightdeck.team.TeamConfig;
import dev.flightdeck.incident.IncidentResult;
import dev.flightdeck.incident.IncidentService;
import dev.flightdeck.incident.IncidentTimeline;
import dev.flightdeck.slack.api.SlackGateway;
import dev.flightdeck.slack.SlackListener;
import dev.flightdeck.text.Mrkdwn;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The timeline reaction (default :pushpin:) on a message in an incident channel adds the message to the timeline.
 * The event is acked at once; fetching the message's text happens afterwards. Slack may deliver an event twice:
 * the timeline keeps one entry per message.
 */
@Singleton
public class TimelineReactions implements SlackListener {

    private static final Logger LOG = LoggerFactory.getLogger(TimelineReactions.class);

    private final IncidentService incidents;
    private final IncidentTimeline timeline;
    private final SlackGateway gateway;
    private final TeamConfig config;
    private final IncidentLanes lanes;

    public TimelineReactions(IncidentService incidents, IncidentTimeline timeline, SlackGateway gateway, TeamConfig config,
                             IncidentLanes lanes) {
        this.incidents = incidents;
        this.timeline = timeline;
        this.gateway = gateway;
        this.config = config;
        this.lanes = lanes;
    }

    @Override
    public void register(App app) {
        app.event(ReactionAddedEvent.class, (payload, ctx) -> {
            ReactionAddedEvent e = payload.getEvent();
            String wanted = config.incidents().timelineReaction().replace(":", "");
            if (e.getItem() != null && "message".equals(e.getItem().getType()) && wanted.equals(e.getReaction())) {
                String channel = e.getItem().getChannel();
                String ts = e.getItem().getTs();
                String reactor = e.getUser();
                lanes.run(() -> addToTimeline(channel, ts, reactor));
            }
            return ctx.ack();
        });
    }

    private void addToTimeline(String channel, String ts, String reactor) {
        try {
            if (incidents.lookUp(Optional.empty(), channel) instanceof IncidentResult.Refused) {
                return; // not an incident channel
            }
            Optional<Message> message = read(channel, ts);
            if (message.isEmpty()) {
                return;
            }
            Message m = message.get();
            String author = m.getUser() != null ? m.getUser() : (m.getBotId() != null ? m.getBotId() : reactor);
            timeline.addPinnedMessage(channel, ts, timeOf(ts), author, m.getText() == null ? "" : Mrkdwn.fromSlack(m.getText()), reactor);
        } catch (RuntimeException e) {
            LOG.warn("Timeline reaction on {} {} could not be recorded: {}", channel, ts, e.toString());
        }
    }

    /**
     * The message with this ts. conversations.history lists top-level messages only; a reaction event does not say
     * whether its message is a thread reply, so a ts history does not have is looked up with conversations.replies,
     * which takes the ts of any message in a thread.
     */
    private Optional<Message> read(String channel, String ts) {
        ConversationsHistoryResponse history = gateway.call("conversations.history", c -> c.conversationsHistory(q -> q
                .channel(channel).latest(ts).inclusive(true).limit(1))).join();
        Optional<Message> found = withTs(history.isOk() ? history.getMessages() : null, ts);
        if (found.isPresent() || !history.isOk()) {
            if (found.isEmpty()) {
                LOG.info("Timeline reaction on {} {}: message not readable ({})", channel, ts, history.getError());
            }
            return found;
        }
        ConversationsRepliesResponse replies = gateway.call("conversations.replies", c -> c.conversationsReplies(q -> q
                .channel(channel).ts(ts).oldest(ts).inclusive(true))).join(); // the parent may come first: match the ts
        found = withTs(replies.isOk() ? replies.getMessages() : null, ts);
        if (found.isEmpty()) {
            LOG.info("Timeline reaction on {} {}: message not found in history nor as a thread reply ({})", channel, ts,
                    replies.isOk() ? "not listed" : replies.getError());
        }
        return found;
    }

    private static Optional<Message> withTs(List<Message> messages, String ts) {
        return messages == null ? Optional.empty() : messages.stream().filter(m -> ts.equals(m.getTs())).findFirst();
    }

    /** A message ts is its time: seconds.microseconds since the epoch. */
    static Instant timeOf(String ts) {
        BigDecimal micros = new BigDecimal(ts).movePointRight(6);
        long value = micros.longValue();
        return Instant.ofEpochSecond(value / 1_000_000, (value % 1_000_000) * 1000);
    }
}
