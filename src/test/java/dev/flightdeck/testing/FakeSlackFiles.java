package dev.flightdeck.testing;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.sun.net.httpserver.HttpExchange;
import dev.flightdeck.testing.FakeSlackState.ChannelData;
import dev.flightdeck.testing.FakeSlackState.MessageData;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.IntSupplier;

import static dev.flightdeck.testing.FakeJson.obj;
import static dev.flightdeck.testing.FakeSlackMethods.error;
import static dev.flightdeck.testing.FakeSlackMethods.ok;

/**
 * Slack's file upload, as it works since files.upload was retired: {@code files.getUploadURLExternal} (filename and
 * length in bytes) answers a file id and an upload URL (served by this fake on loopback); the bytes are POSTed there;
 * {@code files.completeUploadExternal} ({@code files=[{id,title}]}, {@code channel_id}, {@code thread_ts}) shares the
 * file, which then is a message by the bot in that channel (a reply when {@code thread_ts} was given). Strict where an
 * app could get it wrong: no filename or a length that is not a positive number is {@code invalid_arguments}; bytes
 * that are not the announced length are refused by the upload URL (HTTP 400); completing a file whose bytes never
 * arrived, or completing it twice, is {@code file_not_found}; sharing where the bot is not a member is
 * {@code not_in_channel}. (The files:write scope is FakeSlack's scope check, from SlackScopes.) Methods run under
 * FakeSlack's lock, {@link #upload} takes it itself.
 */
final class FakeSlackFiles {

    private final FakeSlackState s;
    private final IntSupplier port;
    private final Map<String, Pending> pending = new LinkedHashMap<>(); // by upload key
    private final List<FakeFile> shared = new ArrayList<>();
    private final java.util.Deque<Integer> uploadFaults = new java.util.ArrayDeque<>();

    private static final class Pending {
        final String id;
        final String filename;
        final int length;
        final String key;
        byte[] bytes;

        Pending(String id, String filename, int length, String key) {
            this.id = id;
            this.filename = filename;
            this.length = length;
            this.key = key;
        }
    }

    FakeSlackFiles(FakeSlackState state, IntSupplier port) {
        this.s = state;
        this.port = port;
    }

    void register(Map<String, Function<Map<String, String>, JsonObject>> into) {
        into.put("files.getUploadURLExternal", this::getUploadUrl);
        into.put("files.completeUploadExternal", this::complete);
    }

    List<FakeFile> shared() {
        return List.copyOf(shared);
    }

    void clear() {
        pending.clear();
        shared.clear();
        uploadFaults.clear();
    }

    /** The next POST to an upload URL gets this HTTP status (e.g. 503) and changes nothing. */
    void failNextUpload(int status) {
        uploadFaults.add(status);
    }

    private JsonObject getUploadUrl(Map<String, String> p) {
        String filename = p.get("filename");
        int length;
        try {
            length = Integer.parseInt(p.getOrDefault("length", ""));
        } catch (NumberFormatException e) {
            return error("invalid_arguments");
        }
        if (filename == null || filename.isBlank() || length <= 0) return error("invalid_arguments");
        Pending file = new Pending(s.newId("F"), filename, length, s.newId("").toLowerCase());
        pending.put(file.key, file);
        return ok("upload_url", "http://127.0.0.1:" + port.getAsInt() + "/upload/v1/" + file.key, "file_id", file.id);
    }

    /**
     * The upload URL: the file's bytes as the body (raw, as the SDK sends them). Answers 200 {@code OK - <length>} as
     * Slack does; 404 for an unknown URL; 400 when the bytes are not the announced length (the URL stays usable).
     * {@code recorder} gets the status before the answer is sent, so a caller that has its answer finds it recorded.
     */
    void upload(HttpExchange exchange, Runnable lock, Runnable unlock, java.util.function.IntConsumer recorder)
            throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        String key = exchange.getRequestURI().getPath().substring("/upload/v1/".length());
        int status;
        lock.run();
        try {
            Pending file = pending.get(key);
            Integer fault = uploadFaults.poll();
            if (fault != null) {
                status = fault;
            } else if (!"POST".equals(exchange.getRequestMethod()) || file == null) {
                status = 404;
            } else if (body.length != file.length) {
                status = 400;
            } else {
                file.bytes = body;
                status = 200;
            }
        } finally {
            unlock.run();
        }
        byte[] answer = (status == 200 ? "OK - " + body.length : status == 404 ? "Not Found"
                : status == 400 ? "Bad Request: length" : "Service Unavailable")
                .getBytes(StandardCharsets.UTF_8);
        recorder.accept(status);
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        exchange.sendResponseHeaders(status, answer.length);
        exchange.getResponseBody().write(answer);
        exchange.close();
    }

    private JsonObject complete(Map<String, String> p) {
        JsonElement files = FakeJson.parseOrNull(p.get("files"));
        if (!(files instanceof JsonArray list) || list.isEmpty()) return error("invalid_arguments");
        List<Pending> done = new ArrayList<>();
        List<String> titles = new ArrayList<>();
        for (JsonElement f : list) {
            if (!(f instanceof JsonObject o) || !o.has("id")) return error("invalid_arguments");
            Optional<Pending> found = pending.values().stream()
                    .filter(x -> x.id.equals(o.get("id").getAsString()) && x.bytes != null).findFirst();
            if (found.isEmpty()) return error("file_not_found");
            done.add(found.get());
            titles.add(o.has("title") ? o.get("title").getAsString() : found.get().filename);
        }
        String channelId = blankToNull(p.get("channel_id"));
        String threadTs = blankToNull(p.get("thread_ts"));
        ChannelData channel = null;
        if (channelId != null) {
            Optional<ChannelData> c = s.channel(channelId);
            if (c.isEmpty() || (s.checkMembership && c.get().isPrivate && !c.get().members.contains(s.botUserId))) {
                return error("channel_not_found");
            }
            channel = c.get();
            if (s.checkMembership && !channel.members.contains(s.botUserId)) return error("not_in_channel");
            if (threadTs != null && channel.message(threadTs).isEmpty()) return error("thread_not_found");
        } else if (threadTs != null) {
            return error("invalid_arguments");
        }
        JsonArray answer = new JsonArray();
        for (int i = 0; i < done.size(); i++) {
            Pending file = done.get(i);
            pending.remove(file.key);
            String ts = null;
            if (channel != null) {
                MessageData m = new MessageData(channel.id, s.nextTs(), threadTs, s.botUserId, s.botId, null);
                m.text = "";
                channel.messages.add(m);
                ts = m.ts;
            }
            shared.add(new FakeFile(file.id, file.filename, titles.get(i), file.bytes.clone(),
                    channel == null ? null : channel.id, threadTs, ts));
            answer.add(obj("id", file.id, "name", file.filename, "title", titles.get(i), "size", file.length,
                    "channels", channel == null ? List.of() : List.of(channel.id)));
        }
        return ok("files", answer);
    }

    private static String blankToNull(String v) {
        return v == null || v.isBlank() ? null : v;
    }
}
