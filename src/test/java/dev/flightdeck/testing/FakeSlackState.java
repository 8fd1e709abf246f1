package dev.flightdeck.testing;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The workspace FakeSlack simulates. Not thread-safe: FakeSlack guards it with its lock. */
final class FakeSlackState {
    private static final String ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    private final SecureRandom random = new SecureRandom();
    private final Set<String> usedIds = new HashSet<>();
    private long lastTsMicros;

    final String teamId = newId("T");
    final String botUserId = newId("U");
    final String botId = newId("B");
    final String appId = newId("A");
    final String teamDomain = "flightdeck-test";
    final String botName = "flightdeck";

    final Map<String, ChannelData> channels = new LinkedHashMap<>();
    final Map<String, UserData> users = new LinkedHashMap<>();
    final Map<String, GroupData> groups = new LinkedHashMap<>();
    final Map<String, JsonObject> views = new LinkedHashMap<>();
    final List<MessageData> ephemerals = new ArrayList<>();
    final Set<String> responseUrlIds = new HashSet<>();
    // Strict like a real workspace: the bot must be in a channel to post there, and holds manifest.yml's scopes only.
    boolean checkMembership = true;
    final Set<String> grantedScopes = new java.util.TreeSet<>(SlackManifest.load().botScopes());
    String socketModeUrl = "wss://127.0.0.1:1/link/?ticket=fake";

    FakeSlackState() {
        users.put(botUserId, new UserData(botUserId, botName, botName, null, true));
    }

    void clear() {
        channels.clear();
        groups.clear();
        views.clear();
        ephemerals.clear();
        responseUrlIds.clear();
        users.keySet().removeIf(id -> !id.equals(botUserId));
        checkMembership = true;
        grantedScopes.clear();
        grantedScopes.addAll(SlackManifest.load().botScopes());
    }

    /** A Slack-looking id: the prefix and 10 upper-case letters/digits, never repeated. */
    String newId(String prefix) {
        while (true) {
            StringBuilder id = new StringBuilder(prefix);
            for (int i = 0; i < 10; i++) id.append(ALNUM.charAt(random.nextInt(ALNUM.length())));
            if (usedIds.add(id.toString())) return id.toString();
        }
    }

    /** A message ts like 1763942400.000100: wall-clock based, strictly increasing. */
    String nextTs() {
        long now = System.currentTimeMillis() * 1000;
        lastTsMicros = Math.max(now, lastTsMicros + 100);
        return String.format("%d.%06d", lastTsMicros / 1_000_000, lastTsMicros % 1_000_000);
    }

    Optional<ChannelData> channel(String idOrName) {
        if (idOrName == null) return Optional.empty();
        ChannelData byId = channels.get(idOrName);
        if (byId != null) return Optional.of(byId);
        String name = idOrName.startsWith("#") ? idOrName.substring(1) : idOrName;
        return channels.values().stream().filter(c -> !c.isIm && c.name.equals(name)).findFirst();
    }

    /** A DM with the user, opened on first use as Slack does when you post to a user id. */
    ChannelData imWith(String userId) {
        return channels.values().stream().filter(c -> c.isIm && c.members.contains(userId)).findFirst()
                .orElseGet(() -> {
                    ChannelData im = new ChannelData(newId("D"), userId, false, true, botUserId);
                    im.members.add(userId);
                    im.members.add(botUserId);
                    channels.put(im.id, im);
                    return im;
                });
    }

    static final class ChannelData {
        final String id;
        final String name;
        final boolean isPrivate;
        final boolean isIm;
        final String creator;
        final long created = System.currentTimeMillis() / 1000;
        String topic = "";
        String topicSetBy = "";
        long topicLastSet;
        final Set<String> members = new LinkedHashSet<>();
        final List<String> pins = new ArrayList<>();
        final List<MessageData> messages = new ArrayList<>();

        ChannelData(String id, String name, boolean isPrivate, boolean isIm, String creator) {
            this.id = id;
            this.name = name;
            this.isPrivate = isPrivate;
            this.isIm = isIm;
            this.creator = creator;
        }

        Optional<MessageData> message(String ts) {
            return messages.stream().filter(m -> m.ts.equals(ts)).findFirst();
        }

        FakeChannel snapshot() {
            return new FakeChannel(id, name, isPrivate, topic, Set.copyOf(members), List.copyOf(pins));
        }
    }

    static final class MessageData {
        final String channel;
        final String ts;
        final String threadTs;
        final String user;
        final String botId;
        final String visibleTo;
        String text;
        JsonArray blocks;
        JsonArray attachments;
        JsonObject metadata;
        boolean edited;
        final Map<String, List<String>> reactions = new LinkedHashMap<>();

        MessageData(String channel, String ts, String threadTs, String user, String botId, String visibleTo) {
            this.channel = channel;
            this.ts = ts;
            this.threadTs = threadTs;
            this.user = user;
            this.botId = botId;
            this.visibleTo = visibleTo;
        }

        FakeMessage snapshot() {
            Map<String, List<String>> r = new LinkedHashMap<>();
            reactions.forEach((k, v) -> r.put(k, List.copyOf(v)));
            return new FakeMessage(channel, ts, threadTs, user, botId, text,
                    blocks == null ? null : blocks.deepCopy(), attachments == null ? null : attachments.deepCopy(),
                    edited, visibleTo, Map.copyOf(r));
        }
    }

    record UserData(String id, String name, String realName, String email, boolean isBot) {}

    static final class GroupData {
        final String id;
        final String handle;
        final String name;
        final List<String> users = new ArrayList<>();

        GroupData(String id, String handle, String name, List<String> users) {
            this.id = id;
            this.handle = handle;
            this.name = name;
            this.users.addAll(users);
        }
    }
}
