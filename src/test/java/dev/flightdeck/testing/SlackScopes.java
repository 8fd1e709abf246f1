package dev.flightdeck.testing;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which bot scopes each Web API method takes, from Slack's method reference (docs.slack.dev/reference/methods/...,
 * "Required scopes", bot token). Any one of a list is enough. Conversation methods take a channels:* scope in a
 * public channel and a groups:* scope in a private one, so those have two lists. A method with no scope (auth.test,
 * views.*) has empty lists. A method missing here is unknown: the fake refuses it and ManifestTest names it.
 */
public final class SlackScopes {

    /** {@code inPublic}: for a public channel (or not about a channel); {@code inPrivate}: in a private channel. */
    public record Needs(List<String> inPublic, List<String> inPrivate) {
        static Needs any(String... scopes) { return new Needs(List.of(scopes), List.of(scopes)); }
        static Needs channel(List<String> inPublic, List<String> inPrivate) { return new Needs(inPublic, inPrivate); }
        public List<String> in(boolean privateChannel) { return privateChannel ? inPrivate : inPublic; }
    }

    public static final Map<String, Needs> METHODS = Map.ofEntries(
            Map.entry("auth.test", Needs.any()),
            Map.entry("apps.connections.open", Needs.any()), // the app-level token's connections:write, not a bot scope
            Map.entry("chat.postMessage", Needs.any("chat:write")),
            Map.entry("chat.update", Needs.any("chat:write")),
            Map.entry("chat.postEphemeral", Needs.any("chat:write")),
            Map.entry("chat.getPermalink", Needs.any()),
            Map.entry("conversations.create", Needs.channel(List.of("channels:manage"), List.of("groups:write"))),
            Map.entry("conversations.invite", Needs.channel(List.of("channels:manage"), List.of("groups:write"))),
            Map.entry("conversations.setTopic", Needs.channel(List.of("channels:manage", "channels:write.topic"),
                    List.of("groups:write", "groups:write.topic"))),
            Map.entry("conversations.join", Needs.channel(List.of("channels:join"), List.of("channels:join"))),
            Map.entry("conversations.list", Needs.channel(List.of("channels:read"), List.of("groups:read"))),
            Map.entry("conversations.info", Needs.channel(List.of("channels:read"), List.of("groups:read"))),
            Map.entry("conversations.members", Needs.channel(List.of("channels:read"), List.of("groups:read"))),
            Map.entry("conversations.history", Needs.channel(List.of("channels:history"), List.of("groups:history"))),
            Map.entry("conversations.replies", Needs.channel(List.of("channels:history"), List.of("groups:history"))),
            Map.entry("conversations.open", Needs.any("im:write")),
            Map.entry("files.getUploadURLExternal", Needs.any("files:write")),
            Map.entry("files.completeUploadExternal", Needs.any("files:write")),
            Map.entry("pins.add", Needs.any("pins:write")),
            Map.entry("pins.list", Needs.any("pins:read")),
            Map.entry("reactions.get", Needs.any("reactions:read")),
            Map.entry("usergroups.list", Needs.any("usergroups:read")),
            Map.entry("usergroups.users.list", Needs.any("usergroups:read")),
            Map.entry("users.info", Needs.any("users:read")),
            Map.entry("users.lookupByEmail", Needs.any("users:read.email")),
            Map.entry("views.open", Needs.any()),
            Map.entry("views.update", Needs.any()),
            Map.entry("views.publish", Needs.any()));

    /** The scope each subscribed event needs (docs.slack.dev/reference/events/..., "Required scopes"). */
    public static final Map<String, String> EVENTS = Map.of(
            "reaction_added", "reactions:read",
            "reaction_removed", "reactions:read",
            "member_joined_channel", "channels:read",
            "member_left_channel", "channels:read",
            "message.channels", "channels:history",
            "app_mention", "app_mentions:read");

    public static Optional<Needs> of(String method) {
        return Optional.ofNullable(METHODS.get(method));
    }

    private SlackScopes() {
    }
}
