package dev.flightdeck.testing;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.flightdeck.testing.FakeSlackState.ChannelData;
import dev.flightdeck.testing.FakeSlackState.MessageData;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

import static dev.flightdeck.testing.FakeJson.obj;

/** Chat, conversation and pin methods of the fake Web API, answering as Slack does. Called under FakeSlack's lock. */
final class FakeSlackMethods {
    private static final Pattern CHANNEL_NAME = Pattern.compile("[a-z0-9_\\-]+");
    private static final int MAX_TEXT = 40_000;

    private final FakeSlackState s;

    FakeSlackMethods(FakeSlackState state) {
        this.s = state;
    }

    void register(Map<String, Function<Map<String, String>, JsonObject>> into) {
        into.put("chat.postMessage", p -> postMessage(p));
        into.put("chat.update", p -> update(p));
        into.put("chat.postEphemeral", p -> postEphemeral(p));
        into.put("chat.getPermalink", p -> permalink(p));
        into.put("conversations.create", p -> create(p));
        into.put("conversations.invite", p -> invite(p));
        into.put("conversations.join", p -> join(p));
        into.put("conversations.setTopic", p -> setTopic(p));
        into.put("conversations.info", p -> withChannel(p.get("channel"), c -> ok("channel", conversation(c))));
        into.put("conversations.members", p -> withChannel(p.get("channel"),
                c -> ok("members", c.members, "response_metadata", obj("next_cursor", ""))));
        into.put("pins.add", p -> pinsAdd(p));
        into.put("pins.list", p -> withChannel(p.get("channel"), this::pinsList));
        into.put("reactions.get", p -> reactionsGet(p));
        into.put("conversations.history", p -> history(p));
        into.put("conversations.replies", p -> replies(p));
        into.put("conversations.list", p -> list(p));
    }

    static JsonObject ok(Object... kv) {
        JsonObject o = obj(kv);
        JsonObject r = obj("ok", true);
        o.entrySet().forEach(e -> r.add(e.getKey(), e.getValue()));
        return r;
    }

    static JsonObject error(String error) {
        return obj("ok", false, "error", error);
    }

    private JsonObject withChannel(String channel, Function<ChannelData, JsonObject> f) {
        Optional<ChannelData> c = s.channel(channel);
        if (c.isEmpty() || hiddenPrivate(c.get())) return error("channel_not_found");
        return f.apply(c.get());
    }

    /** Slack hides private channels from a bot that is not in them. */
    private boolean hiddenPrivate(ChannelData c) {
        return s.checkMembership && c.isPrivate && !c.members.contains(s.botUserId);
    }

    private boolean botOutside(ChannelData c) {
        return s.checkMembership && !c.members.contains(s.botUserId);
    }

    JsonObject conversation(ChannelData c) {
        return obj("id", c.id, "name", c.isIm ? null : c.name, "user", c.isIm ? c.name : null,
                "is_channel", !c.isPrivate && !c.isIm, "is_group", c.isPrivate, "is_im", c.isIm,
                "is_private", c.isPrivate, "is_archived", false, "is_general", false,
                "created", c.created, "creator", c.creator, "is_member", c.members.contains(s.botUserId),
                "name_normalized", c.isIm ? null : c.name,
                "topic", obj("value", c.topic, "creator", c.topicSetBy, "last_set", c.topicLastSet),
                "purpose", obj("value", "", "creator", "", "last_set", 0),
                "num_members", c.members.size());
    }

    JsonObject message(MessageData m) {
        JsonArray reactions = new JsonArray();
        m.reactions.forEach((name, users) -> reactions.add(obj("name", name, "users", users, "count", users.size())));
        return obj("type", "message", "user", m.user, "bot_id", m.botId,
                "app_id", m.botId != null ? s.appId : null, "text", m.text, "ts", m.ts,
                "thread_ts", m.threadTs, "team", s.teamId, "blocks", m.blocks, "attachments", m.attachments,
                "edited", m.edited ? obj("user", m.user, "ts", s.nextTs()) : null,
                "reactions", reactions.isEmpty() ? null : reactions);
    }

    private Optional<ChannelData> target(String channel) {
        if (channel != null && (channel.startsWith("U") || channel.startsWith("W")) && s.users.containsKey(channel)) {
            return Optional.of(s.imWith(channel));
        }
        return s.channel(channel);
    }

    /** Applies text/blocks/attachments params; returns an error name or null. */
    private static String applyContent(MessageData m, Map<String, String> p, boolean requireSome) {
        String text = p.get("text");
        JsonElement blocks = FakeJson.parseOrNull(p.get("blocks"));
        JsonElement attachments = FakeJson.parseOrNull(p.get("attachments"));
        if (p.get("blocks") != null && !p.get("blocks").isBlank() && (blocks == null || !blocks.isJsonArray())) return "invalid_blocks";
        if (p.get("attachments") != null && !p.get("attachments").isBlank() && (attachments == null || !attachments.isJsonArray())) return "invalid_attachments";
        boolean none = (text == null || text.isEmpty()) && blocks == null && attachments == null;
        if (requireSome && none) return "no_text";
        if (text != null && text.length() > MAX_TEXT) return "msg_too_long";
        if (text != null || !requireSome) m.text = text == null ? m.text : text;
        if (blocks != null) m.blocks = blocks.getAsJsonArray();
        if (attachments != null) m.attachments = attachments.getAsJsonArray();
        return null;
    }

    private JsonObject postMessage(Map<String, String> p) {
        Optional<ChannelData> found = target(p.get("channel"));
        if (found.isEmpty() || hiddenPrivate(found.get())) return error("channel_not_found");
        ChannelData c = found.get();
        if (botOutside(c)) return error("not_in_channel");
        String threadTs = blankToNull(p.get("thread_ts"));
        if (threadTs != null && c.message(threadTs).isEmpty()) return error("thread_not_found");
        MessageData m = new MessageData(c.id, s.nextTs(), threadTs, s.botUserId, s.botId, null);
        String err = applyContent(m, p, true);
        if (err != null) return error(err);
        if (blankToNull(p.get("metadata")) != null) {
            JsonElement metadata = FakeJson.parseOrNull(p.get("metadata"));
            if (metadata == null || !metadata.isJsonObject() || !metadata.getAsJsonObject().has("event_type")
                    || !metadata.getAsJsonObject().has("event_payload")) return error("invalid_metadata_format");
            m.metadata = metadata.getAsJsonObject();
        }
        c.messages.add(m);
        return ok("channel", c.id, "ts", m.ts, "message", message(m));
    }

    private JsonObject update(Map<String, String> p) {
        return withChannel(p.get("channel"), c -> {
            Optional<MessageData> found = c.message(p.getOrDefault("ts", ""));
            if (found.isEmpty()) return error("message_not_found");
            MessageData m = found.get();
            if (!s.botUserId.equals(m.user)) return error("cant_update_message");
            String err = applyContent(m, p, false);
            if (err != null) return error(err);
            m.edited = true;
            return ok("channel", c.id, "ts", m.ts, "text", m.text, "message", message(m));
        });
    }

    private JsonObject postEphemeral(Map<String, String> p) {
        Optional<ChannelData> found = target(p.get("channel"));
        if (found.isEmpty() || hiddenPrivate(found.get())) return error("channel_not_found");
        ChannelData c = found.get();
        String user = p.get("user");
        if (user == null || !s.users.containsKey(user)) return error("user_not_found");
        if (botOutside(c)) return error("not_in_channel");
        if (s.checkMembership && !c.members.contains(user)) return error("user_not_in_channel");
        MessageData m = new MessageData(c.id, s.nextTs(), blankToNull(p.get("thread_ts")), s.botUserId, s.botId, user);
        String err = applyContent(m, p, true);
        if (err != null) return error(err);
        s.ephemerals.add(m);
        return ok("message_ts", m.ts);
    }

    private JsonObject permalink(Map<String, String> p) {
        return withChannel(p.get("channel"), c -> {
            String ts = p.getOrDefault("message_ts", "");
            if (c.message(ts).isEmpty()) return error("message_not_found");
            return ok("channel", c.id, "permalink",
                    "https://" + s.teamDomain + ".slack.com/archives/" + c.id + "/p" + ts.replace(".", ""));
        });
    }

    private JsonObject create(Map<String, String> p) {
        String name = p.get("name");
        if (name == null || name.isBlank()) return error("invalid_name_required");
        if (name.length() > 80) return error("invalid_name_maxlength");
        if (!CHANNEL_NAME.matcher(name).matches()) return error("invalid_name_specials");
        if (name.chars().allMatch(ch -> ch == '-' || ch == '_')) return error("invalid_name_punctuation");
        if (s.channels.values().stream().anyMatch(c -> !c.isIm && c.name.equals(name))) return error("name_taken");
        boolean isPrivate = truthy(p.get("is_private"));
        ChannelData c = new ChannelData(s.newId(isPrivate ? "G" : "C"), name, isPrivate, false, s.botUserId);
        c.members.add(s.botUserId);
        s.channels.put(c.id, c);
        return ok("channel", conversation(c));
    }

    private JsonObject invite(Map<String, String> p) {
        return withChannel(p.get("channel"), c -> {
            if (botOutside(c)) return error("not_in_channel");
            String users = p.getOrDefault("users", "");
            if (users.isBlank()) return error("no_user");
            String[] ids = users.split(",");
            for (String id : ids) {
                if (id.strip().equals(s.botUserId)) return error("cant_invite_self");
                if (!s.users.containsKey(id.strip())) return error("user_not_found");
            }
            boolean anyNew = false;
            for (String id : ids) anyNew |= c.members.add(id.strip());
            return anyNew ? ok("channel", conversation(c)) : error("already_in_channel");
        });
    }

    private JsonObject join(Map<String, String> p) {
        return withChannel(p.get("channel"), c -> {
            if (c.isPrivate || c.isIm) return error("method_not_supported_for_channel_type");
            boolean added = c.members.add(s.botUserId);
            return ok("channel", conversation(c), "warning", added ? null : "already_in_channel");
        });
    }

    private JsonObject setTopic(Map<String, String> p) {
        return withChannel(p.get("channel"), c -> {
            if (botOutside(c)) return error("not_in_channel");
            String topic = p.getOrDefault("topic", "");
            if (topic.length() > 250) return error("too_long");
            c.topic = topic;
            c.topicSetBy = s.botUserId;
            c.topicLastSet = System.currentTimeMillis() / 1000;
            return ok("channel", conversation(c));
        });
    }

    private JsonObject pinsAdd(Map<String, String> p) {
        return withChannel(p.get("channel"), c -> {
            if (botOutside(c)) return error("not_in_channel");
            String ts = p.getOrDefault("timestamp", "");
            if (c.message(ts).isEmpty()) return error("message_not_found");
            if (c.pins.contains(ts)) return error("already_pinned");
            c.pins.add(ts);
            return ok();
        });
    }

    private JsonObject pinsList(ChannelData c) {
        JsonArray items = new JsonArray();
        for (String ts : c.pins) {
            c.message(ts).ifPresent(m -> items.add(obj("type", "message", "created", Long.parseLong(ts.split("\\.")[0]),
                    "created_by", s.botUserId, "channel", c.id, "message", message(m))));
        }
        return ok("items", items);
    }

    private JsonObject reactionsGet(Map<String, String> p) {
        return withChannel(p.get("channel"), c -> c.message(p.getOrDefault("timestamp", ""))
                .map(m -> ok("type", "message", "channel", c.id, "message", message(m)))
                .orElse(error("message_not_found")));
    }

    /**
     * Top-level messages, newest first. Only what reading one message needs: {@code latest} (with
     * {@code inclusive}) and {@code limit}; no {@code oldest}, no paging.
     */
    private JsonObject history(Map<String, String> p) {
        return withChannel(p.get("channel"), c -> {
            String latest = blankToNull(p.get("latest"));
            boolean inclusive = truthy(p.get("inclusive"));
            int limit = p.get("limit") == null ? 100 : Integer.parseInt(p.get("limit"));
            JsonArray messages = new JsonArray();
            for (int i = c.messages.size() - 1; i >= 0 && messages.size() < limit; i--) {
                MessageData m = c.messages.get(i);
                if (m.threadTs != null && !m.threadTs.equals(m.ts)) continue;
                if (latest != null) {
                    int cmp = new java.math.BigDecimal(m.ts).compareTo(new java.math.BigDecimal(latest));
                    if (cmp > 0 || (cmp == 0 && !inclusive)) continue;
                }
                messages.add(message(m));
            }
            return ok("messages", messages, "has_more", false);
        });
    }

    /**
     * A thread: the parent, then its replies oldest first, {@code limit} a page (default 1000), {@code cursor} the
     * position Slack's {@code next_cursor} gave. Metadata only with {@code include_all_metadata}, as Slack does.
     */
    private JsonObject replies(Map<String, String> p) {
        return withChannel(p.get("channel"), c -> {
            String ts = blankToNull(p.get("ts"));
            if (ts == null || c.message(ts).isEmpty()) return error("thread_not_found");
            boolean metadata = truthy(p.get("include_all_metadata"));
            List<MessageData> thread = new ArrayList<>();
            thread.add(c.message(ts).get());
            c.messages.stream().filter(m -> ts.equals(m.threadTs) && !ts.equals(m.ts)).forEach(thread::add);
            int limit = p.get("limit") == null ? 1000 : Integer.parseInt(p.get("limit"));
            int from = blankToNull(p.get("cursor")) == null ? 0 : Integer.parseInt(p.get("cursor").substring("at:".length()));
            JsonArray messages = new JsonArray();
            for (int i = from; i < Math.min(thread.size(), from + limit); i++) {
                JsonObject m = message(thread.get(i));
                if (metadata && thread.get(i).metadata != null) m.add("metadata", thread.get(i).metadata.deepCopy());
                messages.add(m);
            }
            boolean more = from + limit < thread.size();
            return ok("messages", messages, "has_more", more,
                    "response_metadata", obj("next_cursor", more ? "at:" + (from + limit) : ""));
        });
    }

    /**
     * Channels of the given {@code types} (default public_channel), a page of {@code limit} (default 100) from
     * {@code cursor}. As for a bot token: private channels only where the bot is a member; never DMs.
     */
    private JsonObject list(Map<String, String> p) {
        List<String> types = List.of(p.getOrDefault("types", "public_channel").split(","));
        List<ChannelData> matching = s.channels.values().stream().filter(c -> !c.isIm)
                .filter(c -> types.contains(c.isPrivate ? "private_channel" : "public_channel"))
                .filter(c -> !c.isPrivate || c.members.contains(s.botUserId)).toList();
        int limit = p.get("limit") == null ? 100 : Integer.parseInt(p.get("limit"));
        int from = blankToNull(p.get("cursor")) == null ? 0 : Integer.parseInt(p.get("cursor").substring("at:".length()));
        JsonArray channels = new JsonArray();
        matching.subList(Math.min(from, matching.size()), Math.min(matching.size(), from + limit))
                .forEach(c -> channels.add(conversation(c)));
        boolean more = from + limit < matching.size();
        return ok("channels", channels, "response_metadata", obj("next_cursor", more ? "at:" + (from + limit) : ""));
    }

    /** Slack accepts true/1 for booleans; the SDK sends either depending on the method. */
    static boolean truthy(String v) {
        return "true".equalsIgnoreCase(v) || "1".equals(v);
    }

    private static String blankToNull(String v) {
        return v == null || v.isBlank() ? null : v;
    }
}
