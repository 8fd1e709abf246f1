import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The slow-Slack part of bench/run.sh ({@code Load slow FD_URL SECRET SLACK_BASE SECONDS RATE}), against a Flightdeck
 * started afresh and a fake Slack in slow mode (FakeSlack's {@code /mode}). Three open-loop phases one after the other,
 * RATE requests/s on 20 connections for SECONDS (plus -Dwarmup seconds sent, not timed): {@code /deploy benchN 5.11.N
 * to staging} (each request for its own service benchN, which run.sh adds to the team file, so that every Go click of
 * the third phase decides: two requests for one service and environment would make all Goes but the first "one
 * deploy at a time" refusals), {@code /incident declare Bench incident N sev3}, and one Go click on each deploy request
 * of the first phase, in order. After each phase it waits until the fake has had no call for 3 s (longer than a 429's Retry-After), then
 * reads the fake's call log for that phase and prints one line per flow:
 * <ul>
 *   <li>ack latency (open loop, from the intended send time) p50/p99/max;</li>
 *   <li>done: from writing the request to the fake receiving the flow's visible result, p50/p99/max, and how many
 *       never got it (missing). Deploy request: the first chat.postMessage naming its version 5.11.N (the go/no-go).
 *       Declare: the pins.add of the message whose text names "Bench incident N" (the card);</li>
 *   <li>calls: every Web API call and response_url post the fake received in the phase, per flow. A call answered 429
 *       and retried counts twice (calls); calls_no429 leaves the 429 answers out (what the flow needs on a Slack
 *       that never rate-limits). methods: the same, per method. peak_calls_per_s: calls received in the phase's
 *       busiest second.</li>
 * </ul>
 */
final class SlowSlack {
    record Call(long at, String method, int status, String channel, String ts, String text) {
    }

    static final Pattern VERSION = Pattern.compile("5\\.11\\.(\\d+)(?!\\d)");
    static final Pattern INCIDENT = Pattern.compile("Bench incident (\\d+)(?!\\d)");
    static final long QUIET_MICROS = 3_000_000L, MAX_SETTLE_MILLIS = 120_000L;

    private SlowSlack() {
    }

    static void run(URI fd, String secret, URI slack, double seconds, double rate) throws Exception {
        phase(fd, secret, slack, "deploy-each", "deploy-request", seconds, rate, SlowSlack::goNoGo);
        phase(fd, secret, slack, "incident", "declare", seconds, rate, SlowSlack::cardPinned);
        phase(fd, secret, slack, "go", "go-click", seconds, rate, null);
    }

    /** The deploy request's go/no-go: ticket N's first chat.postMessage naming 5.11.N, when the fake received it. */
    static Map<Long, Long> goNoGo(List<Call> calls) {
        Map<Long, Long> done = new HashMap<>();
        for (Call c : calls) {
            Matcher m = VERSION.matcher(c.text());
            if (c.method().equals("chat.postMessage") && c.status() == 200 && m.find()) {
                done.putIfAbsent(Long.parseLong(m.group(1)), c.at());
            }
        }
        return done;
    }

    /** The incident card pinned: the pins.add of the message (by ts) whose text names "Bench incident N". */
    static Map<Long, Long> cardPinned(List<Call> calls) {
        Map<String, Long> incidentByTs = new HashMap<>();
        for (Call c : calls) {
            Matcher m = INCIDENT.matcher(c.text());
            if (c.method().startsWith("chat.") && c.status() == 200 && !c.ts().isEmpty() && m.find()) {
                incidentByTs.putIfAbsent(c.ts(), Long.parseLong(m.group(1)));
            }
        }
        Map<Long, Long> done = new HashMap<>();
        for (Call c : calls) {
            Long n = incidentByTs.get(c.ts());
            if (c.method().equals("pins.add") && c.status() == 200 && n != null) done.putIfAbsent(n, c.at());
        }
        return done;
    }

    static void phase(URI fd, String secret, URI slack, String kind, String flow, double seconds, double rate,
                      Function<List<Call>, Map<Long, Long>> finished) throws Exception {
        double warmup = Double.parseDouble(System.getProperty("warmup", "0"));
        int from = log(slack, 0).size();
        long nanoRef = System.nanoTime(), microRef = micros();
        Driver.Result r = new Driver(fd, secret, n -> Load.body(kind, n), kind, 0).run(20, rate, seconds, warmup);
        List<Call> calls = settle(slack, from);
        long tickets = Arrays.stream(r.sent).filter(t -> t != 0).count();
        long timedFrom = (long) Math.ceil(warmup * rate);

        long[] acks = Arrays.copyOf(r.latencies, r.n);
        Arrays.sort(acks);
        StringBuilder line = new StringBuilder(String.format("flow=%s flows=%d ok=%d errors=%d ack_p50=%.2f ack_p99=%.2f ack_max=%.2f",
                flow, tickets, r.n, r.errors, Load.pct(acks, 0.50), Load.pct(acks, 0.99), acks.length == 0 ? 0 : acks[acks.length - 1] / 1e6));
        if (finished != null) {
            Map<Long, Long> done = finished.apply(calls);
            List<Long> took = new ArrayList<>();
            long missing = 0;
            for (long t = timedFrom; t < tickets; t++) {
                Long at = done.get(t);
                if (at == null) {
                    missing++;
                } else {
                    long sentMicros = microRef + (r.sent[(int) t] - nanoRef) / 1_000;
                    took.add((at - sentMicros) * 1_000);
                }
            }
            long[] sorted = took.stream().mapToLong(Long::longValue).sorted().toArray();
            line.append(String.format(" done_p50=%.0f done_p99=%.0f done_max=%.0f missing=%d", Load.pct(sorted, 0.50),
                    Load.pct(sorted, 0.99), sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6, missing));
        }
        long limited = calls.stream().filter(c -> c.status() == 429).count();
        line.append(String.format(" calls=%.2f calls_no429=%.2f ratelimited=%d", (double) calls.size() / tickets,
                (double) (calls.size() - limited) / tickets, limited));
        // The busiest second of the phase: what Flightdeck got through to a Slack answering in delay_ms at most.
        Map<Long, Integer> perSecond = new HashMap<>();
        calls.forEach(c -> perSecond.merge(c.at() / 1_000_000, 1, Integer::sum));
        line.append(" peak_calls_per_s=").append(perSecond.values().stream().max(Integer::compare).orElse(0));
        Map<String, Integer> methods = new TreeMap<>();
        calls.forEach(c -> methods.merge(c.method() + (c.status() == 429 ? "(429)" : ""), 1, Integer::sum));
        line.append(" methods=");
        methods.forEach((m, k) -> line.append(m).append(':').append(String.format("%.2f", (double) k / tickets)).append(','));
        line.setLength(line.length() - 1);
        if (r.firstError != null) line.append(" firstError=\"").append(r.firstError.replace('"', '\'')).append('"');
        System.out.println(line);
    }

    /** The calls of the phase, read once the fake has had none for QUIET_MICROS (at most MAX_SETTLE_MILLIS). */
    static List<Call> settle(URI slack, int from) throws Exception {
        long deadline = System.currentTimeMillis() + MAX_SETTLE_MILLIS;
        List<Call> calls = log(slack, from);
        long lastChange = micros();
        while (System.currentTimeMillis() < deadline) {
            Thread.sleep(500);
            List<Call> more = log(slack, from + calls.size());
            if (!more.isEmpty()) {
                calls.addAll(more);
                lastChange = micros();
            } else if (micros() - lastChange >= QUIET_MICROS) {
                break;
            }
        }
        return calls;
    }

    static List<Call> log(URI slack, int from) throws IOException {
        URL url = slack.resolve("/log?from=" + from).toURL();
        List<Call> calls = new ArrayList<>();
        try (InputStream in = url.openStream()) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isEmpty()) continue;
                String[] f = line.split("\t", 6);
                calls.add(new Call(Long.parseLong(f[0]), f[1], Integer.parseInt(f[2]), f[3], f[4], f.length > 5 ? f[5] : ""));
            }
        }
        return calls;
    }

    /** A Go click by an approver on deploy request {@code id}, as Slack posts it. */
    static String click(long n, long id) {
        String ts = "1700000000." + String.format("%06d", n % 1_000_000);
        String payload = "{\"type\":\"block_actions\",\"user\":{\"id\":\"U0APPROVER\",\"username\":\"approver\",\"team_id\":\""
                + Load.TEAM + "\"},\"api_app_id\":\"A0BENCH001\",\"token\":\"unused\",\"container\":{\"type\":\"message\","
                + "\"message_ts\":\"" + ts + "\",\"channel_id\":\"C0BENCH001\",\"is_ephemeral\":false},\"trigger_id\":\"1.2."
                + n + "\",\"team\":{\"id\":\"" + Load.TEAM + "\",\"domain\":\"bench\"},\"is_enterprise_install\":false,"
                + "\"channel\":{\"id\":\"C0BENCH001\",\"name\":\"bench\"},\"message\":{\"type\":\"message\",\"user\":"
                + "\"U0BOTBENCH\",\"ts\":\"" + ts + "\",\"text\":\"\"},\"state\":{\"values\":{}},\"response_url\":"
                + "\"http://127.0.0.1:" + Load.fakeSlackPort() + "/respond/" + n + "\",\"actions\":[{\"action_id\":\"deploy_go\","
                + "\"block_id\":\"deploy_actions\",\"value\":\"" + id + "\",\"type\":\"button\",\"text\":{\"type\":"
                + "\"plain_text\",\"text\":\"Go\",\"emoji\":true},\"action_ts\":\"" + ts + "\"}]}";
        return Load.form("payload", payload);
    }

    static long micros() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
    }
}
