import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The benchmark's Slack Web API on loopback: every method Flightdeck (and the Bolt for JavaScript peer) calls answers
 * ok:true with realistic ids, and response_url posts are accepted. Stateless on purpose: it must never be the
 * bottleneck, and the benchmark measures acks, not the work after them. GET /calls prints how many calls it served.
 *
 * <p>Slow mode, for the slow-Slack part of bench/run.sh: every call is answered after a delay, and a share of them
 * with HTTP 429 as Slack rate-limits (header {@code Retry-After: 1}, body {@code {"ok":false,"error":"ratelimited"}},
 * the call not processed). Each call waits on a scheduler, not on a handler thread, so slow answers never queue
 * behind one another. Set at start ({@code -DdelayMs=150 -DrateLimitShare=0.01}) or by {@code POST /mode?delay_ms=150
 * &ratelimit_share=0.01}, which also empties the call log. The call log (one line per call: received at, epoch
 * microseconds; method, or "respond" for a response_url; HTTP status; channel; the ts it answered or was given; the
 * text, blocks or JSON body, tabs and newlines blanked) is read with {@code GET /log?from=N} (lines N onwards).
 *   java bench/FakeSlack.java PORT
 */
public class FakeSlack {
    static final String TEAM = "T0BENCH001", BOT = "U0BOTBENCH", BOT_ID = "B0BENCH001";
    static final AtomicLong SEQ = new AtomicLong(1_700_000_000_000_000L);
    static final LongAdder CALLS = new LongAdder();
    static final Pattern JSON_CHANNEL = Pattern.compile("\"channel\"\\s*:\\s*\"([^\"]*)\"");
    static final Pattern JSON_NAME = Pattern.compile("\"name\"\\s*:\\s*\"([^\"]*)\"");
    static final Pattern TS = Pattern.compile("\"(?:ts|message_ts)\":\"([0-9.]+)\"");
    static final ScheduledExecutorService LATER = Executors.newScheduledThreadPool(2);
    static final List<String> LOG = new ArrayList<>();
    static volatile long delayMs = Long.getLong("delayMs", 0);
    static volatile double rateLimitShare = Double.parseDouble(System.getProperty("rateLimitShare", "0"));

    public static void main(String[] args) throws IOException {
        int port = Integer.parseInt(args.length > 0 ? args[0] : "18090");
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 512);
        server.createContext("/", FakeSlack::handle);
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.start();
        System.out.println("fake Slack on http://127.0.0.1:" + port + "/api/");
    }

    static void handle(HttpExchange ex) throws IOException {
        String body;
        try (InputStream in = ex.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        try {
            serve(ex, body);
        } catch (IOException | RuntimeException e) {
            ex.close();
            throw e;
        }
    }

    /** Answers one request; every path ends in {@link #send}, now or later, which closes the exchange. */
    static void serve(HttpExchange ex, String body) throws IOException {
        String path = ex.getRequestURI().getPath();
        if (path.equals("/calls")) {
            send(ex, "text/plain", CALLS.sum() + "\n");
            return;
        }
        if (path.equals("/mode") || path.equals("/log")) {
            control(ex, path);
            return;
        }
        CALLS.increment();
        long at = micros();
        if (!path.startsWith("/api/")) { // a response_url
            record(at, "respond", 200, "", "", body);
            later(ex, 200, "text/plain", "ok");
            return;
        }
        String method = path.substring(5);
        String type = ex.getRequestHeaders().getFirst("Content-Type");
        Map<String, String> p = params(body, type);
        String text = type != null && type.contains("json") ? body : p.getOrDefault("text", "") + " " + p.getOrDefault("blocks", "");
        if (rateLimitShare > 0 && ThreadLocalRandom.current().nextDouble() < rateLimitShare) {
            record(at, method, 429, p.getOrDefault("channel", ""), p.getOrDefault("ts", p.getOrDefault("timestamp", "")), text);
            ex.getResponseHeaders().set("Retry-After", "1");
            later(ex, 429, "application/json; charset=utf-8", "{\"ok\":false,\"error\":\"ratelimited\"}");
            return;
        }
        String answer = answer(method, p);
        Matcher ts = TS.matcher(answer);
        record(at, method, 200, p.getOrDefault("channel", ""), ts.find() ? ts.group(1) : p.getOrDefault("timestamp", ""), text);
        later(ex, 200, "application/json; charset=utf-8", answer);
    }

    /** Answers now, or after the slow mode's delay from the scheduler (the exchange stays open until then). */
    static void later(HttpExchange ex, int status, String type, String text) throws IOException {
        long delay = delayMs;
        if (delay <= 0) {
            send(ex, status, type, text);
            return;
        }
        LATER.schedule(() -> {
            try {
                send(ex, status, type, text);
            } catch (IOException gone) {
                ex.close(); // the client gave up; nothing to answer
            }
        }, delay, TimeUnit.MILLISECONDS);
    }

    static void control(HttpExchange ex, String path) throws IOException {
        Map<String, String> q = params(ex.getRequestURI().getRawQuery() == null ? "" : ex.getRequestURI().getRawQuery(), null);
        if (path.equals("/mode")) {
            delayMs = Long.parseLong(q.getOrDefault("delay_ms", "0"));
            rateLimitShare = Double.parseDouble(q.getOrDefault("ratelimit_share", "0"));
            synchronized (LOG) {
                LOG.clear();
            }
            send(ex, "text/plain", "delay_ms=" + delayMs + " ratelimit_share=" + rateLimitShare + "\n");
            return;
        }
        int from = Integer.parseInt(q.getOrDefault("from", "0"));
        StringBuilder out = new StringBuilder();
        synchronized (LOG) {
            for (int i = Math.max(0, from); i < LOG.size(); i++) out.append(LOG.get(i)).append('\n');
        }
        send(ex, "text/plain; charset=utf-8", out.toString());
    }

    static void record(long at, String method, int status, String channel, String ts, String text) {
        String line = at + "\t" + method + "\t" + status + "\t" + channel + "\t" + ts + "\t" + text.replaceAll("[\t\r\n]", " ");
        synchronized (LOG) {
            LOG.add(line);
        }
    }

    static long micros() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
    }

    static String answer(String method, Map<String, String> p) {
        String ts = ts();
        String channel = channelId(p.getOrDefault("channel", "C0BENCH001"));
        switch (method) {
            case "auth.test":
                return "{\"ok\":true,\"url\":\"https://bench.slack.com/\",\"team\":\"Bench\",\"user\":\"flightdeck\",\"team_id\":\""
                        + TEAM + "\",\"user_id\":\"" + BOT + "\",\"bot_id\":\"" + BOT_ID + "\",\"is_enterprise_install\":false}";
            case "chat.postMessage":
                return "{\"ok\":true,\"channel\":\"" + channel + "\",\"ts\":\"" + ts + "\",\"message\":{\"type\":\"message\","
                        + "\"user\":\"" + BOT + "\",\"bot_id\":\"" + BOT_ID + "\",\"text\":\"\",\"ts\":\"" + ts + "\"}}";
            case "chat.update":
                return "{\"ok\":true,\"channel\":\"" + channel + "\",\"ts\":\"" + p.getOrDefault("ts", ts) + "\",\"text\":\"\"}";
            case "chat.postEphemeral":
                return "{\"ok\":true,\"message_ts\":\"" + ts + "\"}";
            case "chat.getPermalink":
                return "{\"ok\":true,\"channel\":\"" + channel + "\",\"permalink\":\"https://bench.slack.com/archives/" + channel
                        + "/p" + ts.replace(".", "") + "\"}";
            case "conversations.create":
                return "{\"ok\":true,\"channel\":" + conversation("C" + (SEQ.incrementAndGet() % 1_000_000_000L), p.getOrDefault("name", "bench")) + "}";
            case "conversations.invite": case "conversations.join": case "conversations.setTopic": case "conversations.info":
                return "{\"ok\":true,\"channel\":" + conversation(channel, "bench-" + channel.toLowerCase()) + "}";
            case "conversations.list": // the bench team file's channels (ChannelJoins looks them up by name)
                return "{\"ok\":true,\"channels\":[" + conversation("C0BENCHDEP", "deploys") + "," + conversation("C0BENCHINC", "incidents")
                        + "," + conversation("C0BENCHSTA", "status") + "],\"response_metadata\":{\"next_cursor\":\"\"}}";
            case "conversations.history":
                return "{\"ok\":true,\"messages\":[],\"has_more\":false}";
            case "pins.add":
                return "{\"ok\":true}";
            case "usergroups.list":
                return "{\"ok\":true,\"usergroups\":[" + group("S0BENCHDEV", "developers") + "," + group("S0BENCHREL", "release-managers") + "]}";
            case "usergroups.users.list":
                return "{\"ok\":true,\"users\":[\"U0APPROVER\",\"U0LEAD\"]}";
            case "users.info":
                String user = p.getOrDefault("user", "U0BENCHUSR");
                return "{\"ok\":true,\"user\":{\"id\":\"" + user + "\",\"team_id\":\"" + TEAM + "\",\"name\":\"" + user.toLowerCase()
                        + "\",\"real_name\":\"Bench " + user + "\",\"tz\":\"UTC\",\"profile\":{\"real_name\":\"Bench " + user
                        + "\",\"display_name\":\"" + user.toLowerCase() + "\"}}}";
            case "views.open": case "views.update": case "views.publish":
                return "{\"ok\":true,\"view\":{\"id\":\"V" + (SEQ.incrementAndGet() % 1_000_000_000L) + "\",\"type\":\"modal\"}}";
            default:
                return "{\"ok\":true}";
        }
    }

    static String conversation(String id, String name) {
        return "{\"id\":\"" + id + "\",\"name\":\"" + name + "\",\"is_channel\":true,\"is_member\":true,\"created\":"
                + System.currentTimeMillis() / 1000 + ",\"creator\":\"" + BOT + "\"}";
    }

    static String group(String id, String handle) {
        return "{\"id\":\"" + id + "\",\"team_id\":\"" + TEAM + "\",\"handle\":\"" + handle + "\",\"name\":\"" + handle + "\"}";
    }

    /** Channels may be given as "#name"; answer with a stable, realistic id for them. */
    static String channelId(String given) {
        if (given.startsWith("#")) {
            return "C" + String.format("%08X", given.hashCode()).substring(0, 8);
        }
        return given.isEmpty() ? "C0BENCH001" : given;
    }

    static String ts() {
        long n = SEQ.incrementAndGet();
        return (n / 1_000_000) + "." + String.format("%06d", n % 1_000_000);
    }

    static Map<String, String> params(String body, String contentType) {
        Map<String, String> p = new HashMap<>();
        if (contentType != null && contentType.contains("json")) {
            Matcher m = JSON_CHANNEL.matcher(body);
            if (m.find()) p.put("channel", m.group(1));
            m = JSON_NAME.matcher(body);
            if (m.find()) p.put("name", m.group(1));
            return p;
        }
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                p.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return p;
    }

    static void send(HttpExchange ex, String type, String text) throws IOException {
        send(ex, 200, type, text);
    }

    static void send(HttpExchange ex, int status, String type, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", type);
        ex.sendResponseHeaders(status, bytes.length);
        try (ex) {
            ex.getResponseBody().write(bytes);
        }
    }
}
