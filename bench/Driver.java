import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongFunction;

/**
 * The load loop of {@code Load load}: every connection on one thread and one selector, so the generator takes as
 * little of the (shared, 2-core) machine as it can. The first version ran a thread per connection with blocking
 * sockets and used about 0.6 of a core at 10,000 requests/s, CPU the server under test then did not have.
 *
 * <p>Saturation (rate 0): each connection sends as soon as its previous answer arrived. Open loop (rate > 0): request i
 * is due at start + i/rate; a ticker thread wakes the selector at each due time, the loop sends every due request on
 * a free connection, and latency counts from the intended time (no coordinated omission: a slow answer delays the
 * requests queued behind it and they show in the percentiles).
 */
final class Driver {

    static final class Result {
        long[] latencies = new long[1 << 16];
        /** When each ticket's request was written (System.nanoTime), for timing the work after the ack. */
        long[] sent = new long[1 << 10];
        int n;
        long errors;
        String firstError;
        double elapsedSeconds;

        void add(long nanos) {
            if (n == latencies.length) latencies = Arrays.copyOf(latencies, n * 2);
            latencies[n++] = nanos;
        }

        void sent(long ticket, long nanos) {
            if (ticket >= sent.length) sent = Arrays.copyOf(sent, (int) Math.max(ticket + 1, sent.length * 2L));
            sent[(int) ticket] = nanos;
        }

        void error(String what) {
            errors++;
            if (firstError == null) firstError = what;
        }
    }

    private static final class Conn {
        SocketChannel channel;
        SelectionKey key;
        ByteBuffer out;
        byte[] in = new byte[16 * 1024];
        int len;
        long intended;
        long ticket;
    }

    private final URI uri;
    private final Mac mac;
    private final LongFunction<String> bodies;
    private final Selector selector;
    private final Result result = new Result();
    private final long slowNanos;
    private final String kind;

    Driver(URI uri, String secret, LongFunction<String> bodies, String kind, long slowMillis) throws Exception {
        this.uri = uri;
        this.bodies = bodies;
        this.kind = kind;
        this.slowNanos = slowMillis * 1_000_000L;
        this.mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        this.selector = Selector.open();
    }

    Result run(int conns, double rate, double seconds, double warmupSeconds) throws IOException {
        long period = rate > 0 ? (long) (1e9 / rate) : 0;
        long warmup = rate > 0 ? (long) (warmupSeconds * 1e9) : 0;
        long duration = warmup + (long) (seconds * 1e9);
        ArrayDeque<Conn> idle = new ArrayDeque<>();
        for (int c = 0; c < conns; c++) {
            idle.add(open(new Conn()));
        }
        long start = System.nanoTime() + 50_000_000L; // every connection is open before the first request is due
        Thread ticker = period > 0 ? ticker(start, period, duration) : null;
        long next = 0;
        int busy = 0;
        boolean issuing = true;
        while (issuing || busy > 0) {
            long now = System.nanoTime();
            while (issuing && !idle.isEmpty()) {
                long intended = period > 0 ? start + next * period : Math.max(now, start);
                if (intended - start >= duration) {
                    issuing = false;
                } else if (intended > now) {
                    break;
                } else {
                    Conn c = idle.poll();
                    if (send(c, next, intended)) {
                        busy++;
                    } else {
                        idle.add(c);
                    }
                    next++;
                }
            }
            if (!issuing && busy == 0) break;
            if (period == 0 && now < start) {
                LockSupport.parkNanos(start - now);
                continue;
            }
            selector.select(100);
            Iterator<SelectionKey> keys = selector.selectedKeys().iterator();
            while (keys.hasNext()) {
                SelectionKey key = keys.next();
                keys.remove();
                Conn c = (Conn) key.attachment();
                int outcome = key.isValid() ? handle(c, key, warmup, start) : -1;
                if (outcome != 0) { // answered (1) or failed (-1): the connection is free again
                    busy--;
                    idle.add(c);
                }
            }
        }
        if (ticker != null) ticker.interrupt();
        result.elapsedSeconds = (System.nanoTime() - start - warmup) / 1e9;
        for (Conn c : idle) close(c);
        selector.close();
        return result;
    }

    /** Wakes the selector at each due time of the open loop. */
    private Thread ticker(long start, long period, long duration) {
        Thread t = new Thread(() -> {
            for (long k = 0; k * period < duration && !Thread.currentThread().isInterrupted(); k++) {
                long wait;
                while ((wait = start + k * period - System.nanoTime()) > 0) LockSupport.parkNanos(wait);
                selector.wakeup();
            }
        }, "ticker");
        t.setDaemon(true);
        t.start();
        return t;
    }

    private Conn open(Conn c) throws IOException {
        c.channel = SocketChannel.open(new InetSocketAddress(uri.getHost(), uri.getPort()));
        c.channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
        c.channel.configureBlocking(false);
        c.key = c.channel.register(selector, SelectionKey.OP_READ, c);
        c.len = 0;
        return c;
    }

    private void close(Conn c) {
        try {
            if (c.key != null) c.key.cancel();
            if (c.channel != null) c.channel.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    private void reopen(Conn c, String why) {
        result.error(why);
        close(c);
        try {
            open(c);
        } catch (IOException e) {
            result.error(e.toString());
        }
    }

    /** Signs and writes one request; false if the connection failed (counted as an error, reopened). */
    private boolean send(Conn c, long ticket, long intended) {
        byte[] body = bodies.apply(ticket).getBytes(StandardCharsets.UTF_8);
        String ts = Long.toString(System.currentTimeMillis() / 1000);
        mac.update(("v0:" + ts + ":").getBytes(StandardCharsets.US_ASCII));
        String sig = "v0=" + HexFormat.of().formatHex(mac.doFinal(body));
        byte[] head = ("POST " + uri.getPath() + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort()
                + "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: " + body.length
                + "\r\nX-Slack-Request-Timestamp: " + ts + "\r\nX-Slack-Signature: " + sig
                + "\r\nUser-Agent: Slackbot 1.0 (+https://api.slack.com/robots)\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        c.out = ByteBuffer.allocate(head.length + body.length).put(head).put(body).flip();
        c.intended = intended;
        c.ticket = ticket;
        c.len = 0;
        result.sent(ticket, System.nanoTime());
        try {
            c.channel.write(c.out);
            if (c.out.hasRemaining()) c.key.interestOps(SelectionKey.OP_READ | SelectionKey.OP_WRITE);
            return true;
        } catch (IOException e) {
            reopen(c, e.toString());
            return false;
        }
    }

    /** 0: still waiting; 1: answered; -1: failed (counted, reopened). */
    private int handle(Conn c, SelectionKey key, long warmup, long start) {
        try {
            if (key.isWritable()) {
                c.channel.write(c.out);
                if (!c.out.hasRemaining()) key.interestOps(SelectionKey.OP_READ);
            }
            if (!key.isReadable()) return 0;
            while (true) {
                if (c.len == c.in.length) c.in = Arrays.copyOf(c.in, c.in.length * 2);
                int r = c.channel.read(ByteBuffer.wrap(c.in, c.len, c.in.length - c.len));
                if (r < 0) {
                    reopen(c, "connection closed by the server");
                    return -1;
                }
                if (r == 0) return 0;
                c.len += r;
                int[] answer = Http.complete(c.in, c.len);
                if (answer == null) continue;
                long done = System.nanoTime();
                int status = answer[0];
                if (status != 200) {
                    result.error("HTTP " + status);
                } else if (c.intended - start >= warmup) {
                    result.add(done - c.intended);
                    if (slowNanos > 0 && done - c.intended > slowNanos) {
                        System.err.printf("slow %s #%d due at +%d ms took %d ms%n", kind, c.ticket,
                                (c.intended - start) / 1_000_000, (done - c.intended) / 1_000_000);
                    }
                }
                c.len = 0;
                if (answer[1] == 1) { // Connection: close
                    close(c);
                    open(c);
                }
                return 1;
            }
        } catch (IOException e) {
            reopen(c, e.toString());
            return -1;
        }
    }

    /** Where an HTTP/1.1 answer ends in a buffer (Content-Length or chunked). */
    static final class Http {
        private Http() {
        }

        /** {status, 1 if Connection: close} once {@code buf[0..len)} holds a whole answer; null before. */
        static int[] complete(byte[] buf, int len) {
            int headerEnd = indexOf(buf, 0, len, "\r\n\r\n");
            if (headerEnd < 0) return null;
            String lower = new String(buf, 0, headerEnd, StandardCharsets.ISO_8859_1).toLowerCase();
            int status = Integer.parseInt(lower.substring(9, 12));
            int close = lower.contains("\r\nconnection: close") ? 1 : 0;
            int bodyStart = headerEnd + 4;
            int cl = lower.indexOf("\r\ncontent-length:");
            if (cl >= 0) {
                int end = lower.indexOf("\r\n", cl + 2);
                int n = Integer.parseInt(lower.substring(cl + 17, end < 0 ? lower.length() : end).trim());
                return len >= bodyStart + n ? new int[]{status, close} : null;
            }
            if (!lower.contains("transfer-encoding: chunked")) {
                throw new IllegalStateException("answer without a length");
            }
            int pos = bodyStart;
            while (true) {
                int lineEnd = indexOf(buf, pos, len, "\r\n");
                if (lineEnd < 0) return null;
                int size = Integer.parseInt(new String(buf, pos, lineEnd - pos, StandardCharsets.US_ASCII).split(";")[0].trim(), 16);
                pos = lineEnd + 2 + size + 2;
                if (pos > len) return null;
                if (size == 0) return new int[]{status, close};
            }
        }

        static int indexOf(byte[] a, int from, int len, String s) {
            outer:
            for (int i = Math.max(0, from); i <= len - s.length(); i++) {
                for (int j = 0; j < s.length(); j++) {
                    if (a[i + j] != s.charAt(j)) continue outer;
                }
                return i;
            }
            return -1;
        }
    }
}
