package dev.flightdeck.slack.api;

import com.slack.api.methods.response.conversations.ConversationsJoinResponse;
import com.slack.api.methods.response.conversations.ConversationsListResponse;
import com.slack.api.model.ConversationType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Gets the bot into the channels it posts to. Slack refuses a post to a channel the bot is not in
 * ({@code not_in_channel}), and nobody remembers to invite a bot, so it joins public channels itself
 * ({@code conversations.join}). It cannot join a private channel: a person must invite it, and we say so once per
 * channel (a WARN line, a /health detail, and in the requester's answer through {@link #advice(String)}).
 */
public final class ChannelJoins {

    private static final Logger LOG = LoggerFactory.getLogger(ChannelJoins.class);
    private static final Pattern ID = Pattern.compile("[CG][A-Z0-9]{2,}");
    private static final int PAGE = 200;

    /** How a join ended: in the channel, or why not. */
    public enum Outcome { JOINED, MUST_INVITE, FAILED }

    private final SlackGateway gateway;
    /** channel as posted to (#name or id) to what a person must do; sorted for a stable /health answer. */
    private final Map<String, String> mustInvite = new ConcurrentHashMap<>();

    ChannelJoins(SlackGateway gateway) {
        this.gateway = gateway;
    }

    /** Joins each channel (ids or #names); one at a time, so start-up does not spend Slack's rate limit at once. */
    public CompletableFuture<Void> joinAll(Collection<String> channels) {
        CompletableFuture<Void> chain = CompletableFuture.completedFuture(null);
        for (String channel : channels) {
            chain = chain.thenCompose(v -> join(channel).handle((o, e) -> null));
        }
        return chain;
    }

    /** Joins one channel, given as an id or a #name. Never fails: a fault is the FAILED outcome, logged. */
    public CompletableFuture<Outcome> join(String channel) {
        return resolve(channel).thenCompose(found -> {
                    if (found.isEmpty()) {
                        return CompletableFuture.completedFuture(cannotJoin(channel, "not among the public channels"));
                    }
                    if (found.get().invitedPrivate()) {
                        return CompletableFuture.completedFuture(joined(channel));
                    }
                    return gateway.call("conversations.join", c -> c.conversationsJoin(r -> r.channel(found.get().id())))
                            .thenApply(r -> outcome(channel, r));
                })
                .exceptionally(e -> {
                    LOG.warn("Could not join {}: {}", channel, e.getMessage());
                    return Outcome.FAILED;
                });
    }

    /** What a person must do so that the bot can post in the channel, when it found it could not join. */
    public Optional<String> advice(String channel) {
        return Optional.ofNullable(mustInvite.get(channel));
    }

    /** Every channel the bot must be invited to, with the advice; empty when none. */
    public Map<String, String> mustInvite() {
        return new TreeMap<>(mustInvite);
    }

    /** A post to the channel succeeded: the bot is in it. */
    void posted(String channel) {
        joined(channel);
    }

    private Outcome joined(String channel) {
        if (mustInvite.remove(channel) != null) {
            LOG.info("Flightdeck is in {} now", channel);
        }
        return Outcome.JOINED;
    }

    private Outcome outcome(String channel, ConversationsJoinResponse r) {
        if (r.isOk()) {
            return joined(channel);
        }
        return switch (r.getError()) {
            // A private channel (or one the bot cannot see, which is how Slack shows a private one).
            case "method_not_supported_for_channel_type", "channel_not_found" -> cannotJoin(channel, "a private channel");
            default -> {
                LOG.warn("Could not join {}: Slack answered {}", channel, r.getError());
                yield Outcome.FAILED;
            }
        };
    }

    private Outcome cannotJoin(String channel, String why) {
        String name = channel.startsWith("#") ? channel : "<#" + channel + ">";
        String advice = "I cannot join " + name + " (" + why + "): invite me there with /invite @flightdeck in " + name;
        if (mustInvite.put(channel, advice) == null) {
            LOG.warn("Flightdeck must be invited to {}: {}", channel, advice);
        }
        return Outcome.MUST_INVITE;
    }

    /** A channel found; {@code invitedPrivate}: a private one, listed only because the bot is already in it. */
    private record Target(String id, boolean invitedPrivate) {}

    /** The channel: by its id, or looked up by name among the public channels and the private ones the bot is in. */
    private CompletableFuture<Optional<Target>> resolve(String channel) {
        if (ID.matcher(channel).matches()) {
            return CompletableFuture.completedFuture(Optional.of(new Target(channel, false)));
        }
        String name = channel.startsWith("#") ? channel.substring(1) : channel;
        return findByName(name, null);
    }

    private CompletableFuture<Optional<Target>> findByName(String name, String cursor) {
        return gateway.call("conversations.list", c -> c.conversationsList(r -> r
                        .types(List.of(ConversationType.PUBLIC_CHANNEL, ConversationType.PRIVATE_CHANNEL))
                        .excludeArchived(true).limit(PAGE).cursor(cursor)))
                .thenCompose((ConversationsListResponse r) -> {
                    if (!r.isOk()) {
                        return CompletableFuture.failedFuture(new IllegalStateException("conversations.list answered " + r.getError()));
                    }
                    Optional<Target> found = r.getChannels().stream().filter(c -> name.equals(c.getName()))
                            .map(c -> new Target(c.getId(), c.isPrivate())).findFirst();
                    String next = r.getResponseMetadata() == null ? null : r.getResponseMetadata().getNextCursor();
                    return found.isPresent() || next == null || next.isBlank()
                            ? CompletableFuture.completedFuture(found) : findByName(name, next);
                });
    }
}
