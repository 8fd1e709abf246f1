package dev.flightdeck.testing;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.flightdeck.testing.FakeSlackState.ChannelData;
import dev.flightdeck.testing.FakeSlackState.GroupData;
import dev.flightdeck.testing.FakeSlackState.MessageData;
import dev.flightdeck.testing.FakeSlackState.UserData;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.*;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A stateful fake of the Slack Web API on 127.0.0.1 (random port). Point SLACK_API_URL at
 * {@link #baseUrl()}; authenticate with {@link #BOT_TOKEN} (and {@link #APP_TOKEN} for
 * apps.connections.open). Every request is recorded as a {@link Call}, faults included.
 * Strict by default, as a workspace the app was installed in from manifest.yml: the bot must be in a channel to
 * post, invite, pin or set its topic (else {@code not_in_channel}; {@link #checkMembership(boolean)} turns that off),
 * and a method whose scope manifest.yml's bot scopes lack answers {@code missing_scope} ({@link #grantScopes}).
 */
public final class FakeSlack implements AutoCloseable {
    public static final String BOT_TOKEN = "xoxb-0000000000-fake-bot-token";
    public static final String APP_TOKEN = "xapp-1-A000000000-fake-app-token";
    /** The method name recorded for POSTs to a response_url. */
    public static final String RESPONSE_URL = "response_url";
    /** The method name recorded for POSTs of a file's bytes to the upload URL files.getUploadURLExternal gave. */
    public static final String FILE_UPLOAD = "file_upload";

    /** One request as Slack received it. {@code json} is set for JSON bodies; {@code fault} when one was served. */
    public record Call(String method, Map<String, String> params, String rawBody, String contentType, Instant at,
                       JsonObject json, Fault fault, int status, JsonObject response) {
        public String param(String name) { return params.get(name); }
        public boolean ok() { return response != null && response.has("ok") && response.get("ok").getAsBoolean(); }
        public String error() { return response != null && response.has("error") ? response.get("error").getAsString() : null; }
        public String text() { return params.get("text"); }
        public String channel() { return params.get("channel"); }
        /** The blocks sent, parsed (form bodies carry them as a JSON string); null when none. */
        public JsonArray blocks() { return array("blocks"); }
        /** Text plus every text inside blocks/attachments, for "contains" assertions. */
        public String allText() {
            return new FakeMessage(channel(), null, null, null, null, text(), blocks(), array("attachments"),
                    false, null, Map.of()).allText();
        }
        private JsonArray array(String name) {
            JsonElement e = FakeJson.parseOrNull(params.get(name));
            return e != null && e.isJsonArray() ? e.getAsJsonArray() : null;
        }
    }

    private final ReentrantLock lock = new ReentrantLock();
    private final FakeSlackCallLog log = new FakeSlackCallLog();
    private final Map<String, Deque<Fault>> faults = new HashMap<>();
    private final FakeSlackState state = new FakeSlackState();
    private final Map<String, Function<Map<String, String>, JsonObject>> methods = new HashMap<>();
    private final FakeSlackScopes scopes = new FakeSlackScopes(state);
    private final FakeSlackFiles files = new FakeSlackFiles(state, this::port);
    private HttpServer server;
    private ExecutorService executor;

    private RandomFaults randomFaults; // guarded by lock

    public FakeSlack() {
        new FakeSlackMethods(state).register(methods);
        new FakeSlackDirectory(state).register(methods);
        files.register(methods);
    }

    // ---- lifecycle

    public FakeSlack start() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException("FakeSlack could not bind 127.0.0.1", e);
        }
        AtomicInteger n = new AtomicInteger();
        executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "fake-slack-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/api/", this::handleApi);
        server.createContext("/response/", this::handleResponseUrl);
        server.createContext("/upload/v1/", this::handleUpload);
        server.start();
        return this;
    }

    public void stop() {
        if (server != null) server.stop(0);
        if (executor != null) executor.shutdownNow();
    }

    @Override
    public void close() { stop(); }

    public int port() { return server.getAddress().getPort(); }

    /** e.g. {@code http://127.0.0.1:PORT/api/}: the value for SLACK_API_URL / SlackConfig#setMethodsEndpointUrlPrefix. */
    public String baseUrl() { return "http://127.0.0.1:" + port() + "/api/"; }

    // ---- identity of the simulated workspace

    public String teamId() { return state.teamId; }
    public String teamDomain() { return state.teamDomain; }
    public String botUserId() { return state.botUserId; }
    public String botId() { return state.botId; }
    public String appId() { return state.appId; }

    // ---- seeding

    public String addUser(String id, String name) { return addUser(id, name, name, name + "@example.com"); }

    public String addUser(String id, String name, String realName, String email) {
        return locked(() -> { state.users.put(id, new UserData(id, name, realName, email, false)); return id; });
    }

    /** A user with a generated id (U + 10 chars). */
    public String addUser(String name) { return addUser(locked(() -> state.newId("U")), name); }

    public String addUserGroup(String id, String handle, List<String> userIds) {
        return locked(() -> { state.groups.put(id, new GroupData(id, handle, handle, userIds)); return id; });
    }

    public String addUserGroup(String handle, List<String> userIds) {
        return addUserGroup(locked(() -> state.newId("S")), handle, userIds);
    }

    /** A public channel the bot is in, with these other members; returns its id (C + 10 chars). */
    public String addChannel(String name, String... memberIds) { return seedChannel(name, false, true, memberIds); }

    public String addPrivateChannel(String name, String... memberIds) { return seedChannel(name, true, true, memberIds); }

    /** A public channel the bot has not joined (matters with {@link #checkMembership(boolean)}). */
    public String addChannelWithoutBot(String name, String... memberIds) { return seedChannel(name, false, false, memberIds); }

    private String seedChannel(String name, boolean isPrivate, boolean withBot, String... memberIds) {
        return locked(() -> {
            ChannelData c = new ChannelData(state.newId(isPrivate ? "G" : "C"), name, isPrivate, false, state.botUserId);
            if (withBot) c.members.add(state.botUserId);
            c.members.addAll(Arrays.asList(memberIds));
            state.channels.put(c.id, c);
            return c.id;
        });
    }

    /** A message a person wrote (e.g. to react to or pin); returns its ts. */
    public String addMessage(String channelId, String userId, String text) {
        return locked(() -> {
            ChannelData c = existing(channelId);
            MessageData m = new MessageData(c.id, state.nextTs(), null, userId, null, null);
            m.text = text;
            c.messages.add(m);
            return m.ts;
        });
    }

    public void addReaction(String channelId, String ts, String reaction, String userId) {
        locked(() -> existing(channelId).message(ts).orElseThrow(() -> new IllegalArgumentException("no message " + ts))
                .reactions.computeIfAbsent(reaction, r -> new ArrayList<>()).add(userId));
    }

    public void addMember(String channelId, String userId) { locked(() -> existing(channelId).members.add(userId)); }

    /** Someone removes a member (e.g. kicks the bot out of a channel). */
    public void removeMember(String channelId, String userId) { locked(() -> existing(channelId).members.remove(userId)); }

    /** On by default (and after reset): the bot must be a member to post/invite/pin/set topics, and ephemeral recipients too. */
    public void checkMembership(boolean on) { locked(() -> state.checkMembership = on); }

    /** The bot scopes the app holds from now on (until reset, which goes back to manifest.yml's). */
    public void grantScopes(Collection<String> granted) {
        locked(() -> { state.grantedScopes.clear(); state.grantedScopes.addAll(granted); });
    }

    /** A reply in a message's thread, written by a person; returns its ts. */
    public String addReply(String channelId, String threadTs, String userId, String text) {
        return locked(() -> {
            ChannelData c = existing(channelId);
            c.message(threadTs).orElseThrow(() -> new IllegalArgumentException("no message " + threadTs));
            MessageData m = new MessageData(c.id, state.nextTs(), threadTs, userId, null, null);
            m.text = text;
            c.messages.add(m);
            return m.ts;
        });
    }

    /** What apps.connections.open answers, e.g. the ws:// URL of a fake Socket Mode server. */
    public void socketModeUrl(String url) { locked(() -> state.socketModeUrl = url); }

    /** A fresh response_url (served by this fake) to put in a signed slash command or interaction. */
    public String responseUrl() {
        String id = locked(() -> { String i = state.newId("R").toLowerCase(); state.responseUrlIds.add(i); return i; });
        return "http://127.0.0.1:" + port() + "/response/" + id;
    }

    // ---- fault injection

    /** Serve this fault to the next call(s) of the method instead of its answer; queues add up in order. */
    public void failNext(String method, Fault fault) {
        locked(() -> faults.computeIfAbsent(method, m -> new ArrayDeque<>()).addAll(fault.expand()));
    }

    public void clearFaults() { locked(() -> { faults.clear(); randomFaults = null; }); }

    /**
     * From now on, each Web API call fails with probability {@code rate} (seeded, so a run can be repeated): a third
     * of those with 429 + {@code Retry-After: 1}, the rest with HTTP 500, 502 or 503. Only failures Slack documents as
     * "not performed" are injected, so a retry that succeeds must not duplicate anything. {@link #clearFaults()} ends it.
     */
    public void failRandomly(double rate, long seed) {
        locked(() -> randomFaults = new RandomFaults(rate, seed));
    }

    /** How many calls the random mode failed so far. */
    public int randomFaultsServed() {
        return locked(() -> randomFaults == null ? 0 : randomFaults.served);
    }

    private static final class RandomFaults {
        private final double rate;
        private final java.util.Random random;
        private int served;

        RandomFaults(double rate, long seed) {
            this.rate = rate;
            this.random = new java.util.Random(seed);
        }

        Fault next() {
            if (random.nextDouble() >= rate) {
                return null;
            }
            served++;
            int kind = random.nextInt(6);
            return kind < 2 ? Fault.rateLimited(Duration.ofSeconds(1)) : Fault.httpStatus(kind == 2 ? 500 : kind == 3 ? 502 : 503);
        }
    }

    // ---- queries

    public List<Call> calls() { return log.matching(c -> true); }

    public List<Call> calls(String method) { return log.matching(c -> c.method().equals(method)); }

    /** Calls of the method that Slack answered with ok:true. */
    public List<Call> successfulCalls(String method) { return log.matching(c -> c.method().equals(method) && c.ok()); }

    public Call awaitCall(String method, Duration timeout) { return awaitCall(method, c -> true, timeout); }

    /** Waits (on a condition, no polling) for a matching call, possibly one already made; fails listing the calls seen. */
    public Call awaitCall(String method, Predicate<Call> matching, Duration timeout) {
        return log.await(method, matching, timeout);
    }

    /** POSTs made to one response_url, in order. */
    public List<Call> responsesTo(String responseUrl) {
        return calls(RESPONSE_URL).stream().filter(c -> responseUrl.equals(c.param(RESPONSE_URL))).toList();
    }

    public Call awaitResponse(String responseUrl, Duration timeout) {
        return awaitCall(RESPONSE_URL, c -> responseUrl.equals(c.param(RESPONSE_URL)), timeout);
    }

    /** Messages in the channel (thread replies included) in ts order, as they are now. */
    public List<FakeMessage> messagesIn(String channelId) {
        return locked(() -> existing(channelId).messages.stream().map(MessageData::snapshot).toList());
    }

    public List<FakeMessage> ephemeralsIn(String channelId) {
        return locked(() -> state.ephemerals.stream().filter(m -> m.channel.equals(channelId)).map(MessageData::snapshot).toList());
    }

    /** A channel by id, by name, or a DM by the user id it was opened with. */
    public Optional<FakeChannel> channel(String idOrName) {
        return locked(() -> state.channel(idOrName)
                .or(() -> state.channels.values().stream().filter(c -> c.isIm && c.name.equals(idOrName)).findFirst())
                .map(ChannelData::snapshot));
    }

    public List<FakeChannel> channels() {
        return locked(() -> state.channels.values().stream().map(ChannelData::snapshot).toList());
    }

    /** Files uploaded and completed (files.completeUploadExternal), in order. */
    public List<FakeFile> files() { return locked(files::shared); }

    /** The next POST of a file's bytes to an upload URL is answered with this HTTP status (e.g. 503). */
    public void failNextUpload(int status) { locked(() -> files.failNextUpload(status)); }

    public Optional<JsonObject> view(String viewId) {
        return locked(() -> Optional.ofNullable(state.views.get(viewId)).map(JsonObject::deepCopy));
    }

    /** Forgets calls, faults and the workspace's channels, users, groups and views; keeps ids, tokens, the port. */
    public void reset() {
        log.clear();
        locked(() -> { faults.clear(); state.clear(); files.clear(); });
    }

    public void clearCalls() { log.clear(); }

    // ---- serving

    private void handleApi(HttpExchange exchange) throws IOException {
        Instant at = Instant.now();
        String method = exchange.getRequestURI().getPath().substring("/api/".length());
        FakeSlackHttp.Parsed req = FakeSlackHttp.read(exchange);
        Fault fault = null;
        JsonObject answer;
        lock.lock();
        try {
            answer = methods.containsKey(method) ? authError(method, req) : FakeSlackMethods.error("unknown_method");
            if (answer == null && !method.equals("apps.connections.open")) {
                answer = scopes.refusal(method, req.params());
            }
            if (answer == null) {
                Deque<Fault> queue = faults.get(method);
                fault = queue == null ? null : queue.poll();
                if (fault == null && randomFaults != null) {
                    fault = randomFaults.next();
                }
            }
        } finally {
            lock.unlock();
        }
        Fault served = fault;
        FakeSlackFaults.serve(exchange, served, answer, () -> locked(() -> methods.get(method).apply(req.params())),
                (status, response) -> record(new Call(method, req.params(), req.rawBody(), req.contentType(), at,
                        req.json(), served, status, response)));
    }

    private JsonObject authError(String method, FakeSlackHttp.Parsed req) {
        String token = req.bearer() != null ? req.bearer() : req.params().get("token");
        if (token == null || token.isBlank()) return FakeSlackMethods.error("not_authed");
        boolean appMethod = method.equals("apps.connections.open");
        if (token.equals(appMethod ? APP_TOKEN : BOT_TOKEN)) return null;
        if (token.equals(appMethod ? BOT_TOKEN : APP_TOKEN)) return FakeSlackMethods.error("not_allowed_token_type");
        return FakeSlackMethods.error("invalid_auth");
    }

    private void handleResponseUrl(HttpExchange exchange) throws IOException {
        Instant at = Instant.now();
        String id = exchange.getRequestURI().getPath().substring("/response/".length());
        FakeSlackHttp.Parsed req = FakeSlackHttp.read(exchange);
        boolean known = locked(() -> state.responseUrlIds.contains(id));
        JsonObject answer = known ? FakeJson.obj("ok", true) : FakeSlackMethods.error("expired_url");
        int status = known ? 200 : 404;
        Map<String, String> params = new LinkedHashMap<>(req.params());
        params.put(RESPONSE_URL, "http://127.0.0.1:" + port() + "/response/" + id);
        record(new Call(RESPONSE_URL, Map.copyOf(params), req.rawBody(), req.contentType(), at, req.json(), null, status, answer));
        FakeSlackHttp.write(exchange, status, answer, Map.of());
    }

    private void handleUpload(HttpExchange exchange) throws IOException {
        Instant at = Instant.now();
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        files.upload(exchange, lock::lock, lock::unlock, status -> record(new Call(FILE_UPLOAD, Map.of(), "", contentType,
                at, null, null, status, FakeJson.obj("ok", status == 200))));
    }

    private void record(Call call) { log.add(call); }

    private ChannelData existing(String channelId) {
        return state.channel(channelId).orElseThrow(() -> new IllegalArgumentException("FakeSlack has no channel " + channelId));
    }

    private <T> T locked(java.util.function.Supplier<T> action) {
        lock.lock();
        try {
            return action.get();
        } finally {
            lock.unlock();
        }
    }

    private void locked(Runnable action) {
        locked(() -> { action.run(); return null; });
    }
}
