import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The benchmark's load generator: signed Slack requests over keep-alive HTTP/1.1 connections (the load phases all on
 * one thread and selector, see Driver; start-up polls with a blocking socket).
 *
 *   load URL SECRET KIND CONNS RATE SECONDS   KIND: help | deploy | incident | click. RATE 0 = saturation (closed loop,
 *                                             each connection sends as soon as its last answer arrived); RATE > 0 =
 *                                             open loop: request i is due at start + i/RATE whichever connection is
 *                                             free, and its latency counts from that intended time, so a slow answer
 *                                             delays the queue behind it and shows in the percentiles (no coordinated
 *                                             omission). Prints one key=value line. -Dwarmup=S (open loop):
 *                                             the first S seconds are sent but not counted, except errors.
 *   startup URL SECRET RUNS BODYFILE -- CMD... starts CMD RUNS times, each in a fresh empty directory, and reports the
 *                                             time from process start to the first 200 on a signed `/deploy help`,
 *                                             the CPU and RSS then, and the time until /health/readiness answers (the
 *                                             whole service up; medians of RUNS); saves that answer's body in
 *                                             BODYFILE. -Dtrain=N: once ready, N rounds of help, deploy, incident and
 *                                             click (training). In bench/Startup.java.
 */
public class Load {
    static final String TEAM = "T0BENCH001";

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "load" -> load(URI.create(args[1]), args[2], args[3], Integer.parseInt(args[4]), Double.parseDouble(args[5]),
                    Double.parseDouble(args[6]));
            case "slow" -> SlowSlack.run(URI.create(args[1]), args[2], URI.create(args[3]), Double.parseDouble(args[4]),
                    Double.parseDouble(args[5]));
            case "startup" -> Startup.run(URI.create(args[1]), args[2], Integer.parseInt(args[3]), Path.of(args[4]),
                    List.of(args).subList(Arrays.asList(args).indexOf("--") + 1, args.length));
            default -> throw new IllegalArgumentException("load | slow | startup");
        }
    }

    // ---- request bodies, as Slack sends them ----

    static String form(String... kv) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < kv.length; i += 2) {
            if (sb.length() > 0) sb.append('&');
            sb.append(kv[i]).append('=').append(URLEncoder.encode(kv[i + 1], StandardCharsets.UTF_8));
        }
        return sb.toString();
    }

    static String slash(String command, String text, String user, long n) {
        return form("token", "unused", "team_id", TEAM, "team_domain", "bench", "channel_id", "C0BENCH001",
                "channel_name", "bench", "user_id", user, "user_name", user.toLowerCase(), "command", command, "text", text,
                "api_app_id", "A0BENCH001", "is_enterprise_install", "false",
                "response_url", "http://127.0.0.1:" + fakeSlackPort() + "/respond/" + n, "trigger_id", "13345224609." + n + ".abc");
    }

    static String body(String kind, long n) {
        return switch (kind) {
            case "help" -> slash("/deploy", "help", "U0BENCHUSR", n);
            case "deploy" -> slash("/deploy", "commons 5.11." + n + " to staging -- bench run", "U0BENCHUSR", n);
            // the slow-Slack part: each request for its own service, so each one's Go decides
            case "deploy-each" -> slash("/deploy", "bench" + n + " 5.11." + n + " to staging -- bench run", "U0BENCHUSR", n);
            case "incident" -> slash("/incident", "declare Bench incident " + n + " sev3", "U0BENCHUSR", n);
            // Go on deploy request 1..20: the first click decides, later ones are refused politely
            case "click" -> SlowSlack.click(n, 1 + n % 20);
            // one Go on each deploy request 1, 2, ... (the slow-Slack part, a fresh service)
            case "go" -> SlowSlack.click(n, 1 + n);
            default -> throw new IllegalArgumentException("unknown kind " + kind);
        };
    }

    static String fakeSlackPort() {
        return System.getProperty("fakeSlackPort", "18090");
    }

    // ---- one keep-alive connection ----

    static final class Conn {
        final URI uri;
        final Mac mac;
        Socket socket;
        InputStream in;
        OutputStream out;
        byte[] buf = new byte[64 * 1024];
        int status;
        String lastBody;

        Conn(URI uri, String secret) throws Exception {
            this.uri = uri;
            this.mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        }

        void open() throws IOException {
            close();
            socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 2000);
            socket.setSoTimeout(30_000);
            in = socket.getInputStream();
            out = socket.getOutputStream();
        }

        void close() {
            if (socket != null) {
                try { socket.close(); } catch (IOException ignored) { }
                socket = null;
            }
        }

        /** Sends one signed request and reads the whole answer; returns the HTTP status (or throws). */
        int send(String body, boolean keepBody) throws IOException {
            if (socket == null) open();
            byte[] b = body.getBytes(StandardCharsets.UTF_8);
            String ts = Long.toString(System.currentTimeMillis() / 1000);
            mac.update(("v0:" + ts + ":").getBytes(StandardCharsets.US_ASCII));
            String sig = "v0=" + HexFormat.of().formatHex(mac.doFinal(b));
            String head = "POST " + uri.getPath() + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort()
                    + "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: " + b.length
                    + "\r\nX-Slack-Request-Timestamp: " + ts + "\r\nX-Slack-Signature: " + sig
                    + "\r\nUser-Agent: Slackbot 1.0 (+https://api.slack.com/robots)\r\n\r\n";
            byte[] h = head.getBytes(StandardCharsets.US_ASCII);
            byte[] all = Arrays.copyOf(h, h.length + b.length);
            System.arraycopy(b, 0, all, h.length, b.length);
            try {
                out.write(all);
                out.flush();
                return readResponse(keepBody);
            } catch (IOException e) {
                close();
                throw e;
            }
        }

        int readResponse(boolean keepBody) throws IOException {
            int len = 0, headerEnd = -1;
            while (headerEnd < 0) {
                if (len == buf.length) buf = Arrays.copyOf(buf, buf.length * 2);
                int r = in.read(buf, len, buf.length - len);
                if (r < 0) throw new IOException("connection closed by the server");
                len += r;
                headerEnd = Driver.Http.indexOf(buf, 0, len, "\r\n\r\n");
            }
            String headers = new String(buf, 0, headerEnd, StandardCharsets.ISO_8859_1);
            status = Integer.parseInt(headers.substring(9, 12));
            String lower = headers.toLowerCase();
            boolean close = lower.contains("\r\nconnection: close");
            int bodyStart = headerEnd + 4;
            byte[] bodyBytes;
            int cl = lower.indexOf("\r\ncontent-length:");
            if (cl >= 0) {
                int end = lower.indexOf("\r\n", cl + 2);
                int n = Integer.parseInt(lower.substring(cl + 17, end < 0 ? lower.length() : end).trim());
                while (len < bodyStart + n) {
                    if (buf.length < bodyStart + n) buf = Arrays.copyOf(buf, bodyStart + n);
                    int r = in.read(buf, len, bodyStart + n - len);
                    if (r < 0) throw new IOException("connection closed mid-body");
                    len += r;
                }
                bodyBytes = keepBody ? Arrays.copyOfRange(buf, bodyStart, bodyStart + n) : null;
            } else if (lower.contains("transfer-encoding: chunked")) {
                bodyBytes = readChunked(len, bodyStart);
            } else {
                throw new IOException("answer without a length");
            }
            lastBody = bodyBytes == null ? null : new String(bodyBytes, StandardCharsets.UTF_8);
            if (close) close();
            return status;
        }

        byte[] readChunked(int len, int pos) throws IOException {
            java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
            while (true) {
                int lineEnd;
                while ((lineEnd = Driver.Http.indexOf(buf, pos, len, "\r\n")) < 0) len = more(len);
                int size = Integer.parseInt(new String(buf, pos, lineEnd - pos, StandardCharsets.US_ASCII).split(";")[0].trim(), 16);
                pos = lineEnd + 2;
                while (len < pos + size + 2) len = more(len);
                body.write(buf, pos, size);
                pos += size + 2;
                if (size == 0) return body.toByteArray();
            }
        }

        int more(int len) throws IOException {
            if (len == buf.length) buf = Arrays.copyOf(buf, buf.length * 2);
            int r = in.read(buf, len, buf.length - len);
            if (r < 0) throw new IOException("connection closed mid-body");
            return len + r;
        }
    }

    // ---- load ----

    /** -Dslow=MS prints each answer slower than MS to stderr with when it was due (for finding stalls). */
    static final long SLOW_MS = Long.getLong("slow", 0);

    static void load(URI uri, String secret, String kind, int conns, double rate, double seconds) throws Exception {
        // -Dwarmup=S: the first S seconds are sent on the same schedule but not counted. A fresh load-generator JVM
        // runs its first second interpreted; on 2 cores its own warm-up delayed sends by hundreds of ms and made the
        // p99 of a 10 s phase (measured with -Dslow: the slow answers were due in the first ~1.2 s).
        // Open loop only: the saturation phase's count also divides the allocation figure in run.sh.
        double warmup = Double.parseDouble(System.getProperty("warmup", "0"));
        Driver.Result r = new Driver(uri, secret, n -> body(kind, n), kind, SLOW_MS).run(conns, rate, seconds, warmup);
        long[] all = Arrays.copyOf(r.latencies, r.n);
        Arrays.sort(all);
        System.out.printf("kind=%s conns=%d rate=%s ok=%d errors=%d rps=%.0f p50=%.2f p99=%.2f p999=%.2f max=%.2f%s%n",
                kind, conns, rate > 0 ? String.format("%.0f", rate) : "max", r.n, r.errors, r.n / r.elapsedSeconds,
                pct(all, 0.50), pct(all, 0.99), pct(all, 0.999), all.length == 0 ? 0 : all[all.length - 1] / 1e6,
                r.firstError == null ? "" : " firstError=\"" + r.firstError.replace('"', '\'') + "\"");
    }

    static double pct(long[] sorted, double p) {
        if (sorted.length == 0) return 0;
        int i = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
    }

}
