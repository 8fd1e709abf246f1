import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/** Start-up, the `startup` verb of {@link Load}: see Load's usage. */
final class Startup {

    private Startup() {
    }


    static void run(URI uri, String secret, int runs, Path bodyFile, List<String> cmd) throws Exception {
        List<Long> millis = new ArrayList<>();
        List<Long> ready = new ArrayList<>();
        List<Long> rss = new ArrayList<>();
        List<Long> cpus = new ArrayList<>();
        for (int run = 1; run <= runs; run++) {
            Path dir = Files.createTempDirectory("bench-start");
            ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("out.log").toFile());
            long t0 = System.nanoTime();
            Process p = pb.start();
            Load.Conn conn = new Load.Conn(uri, secret);
            String answer = null;
            while (answer == null) {
                if (!p.isAlive()) throw new IllegalStateException("the service died; see " + dir.resolve("out.log"));
                try {
                    if (conn.send(Load.body("help", run), true) == 200) answer = conn.lastBody;
                } catch (IOException notYet) {
                    conn.close();
                }
                if (answer == null) LockSupport.parkNanos(5_000_000L);
            }
            long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
            long kb = rssKb(p.pid());
            long cpu = cpuMillis(p.pid());
            // Flightdeck's first answer may come from its early edge while the service still starts: the time until
            // the whole service is ready is reported beside it, and the training run trains the service, not the edge.
            long readyMs = TimeUnit.NANOSECONDS.toMillis(awaitReady(uri, p, t0) - t0);
            train(conn, Integer.getInteger("train", 0));
            conn.close();
            p.destroy();
            if (!p.waitFor(120, TimeUnit.SECONDS)) p.destroyForcibly().waitFor(); // a training run writes its archive at exit
            deleteTree(dir);
            millis.add(ms);
            ready.add(readyMs);
            rss.add(kb / 1024);
            cpus.add(cpu);
            if (run == 1) Files.writeString(bodyFile, answer);
            System.err.printf("  run %d: first 200 after %d ms (CPU %d ms), RSS %d MB, ready after %d ms%n", run, ms, cpu,
                    kb / 1024, readyMs);
        }
        System.out.printf("startup_ms=%d startup_cpu_ms=%d startup_rss_mb=%d startup_ready_ms=%d runs=%s%n", median(millis),
                median(cpus), median(rss), median(ready), millis);
    }

    /**
     * When GET /health/readiness first answers anything but 503 (nanoTime): 200 from Flightdeck once every part is up (its
     * early edge and a service still migrating answer 503); a server without that path (the baseline) is ready with its
     * first answer.
     */
    static long awaitReady(URI uri, Process p, long t0) throws Exception {
        while (true) {
            if (!p.isAlive()) throw new IllegalStateException("the service died before it was ready");
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 2000);
                s.getOutputStream().write(("GET /health/readiness HTTP/1.1\r\nHost: " + uri.getHost()
                        + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                String status = new String(s.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
                if (status.startsWith("HTTP/1.1 ") && !status.endsWith("503")) return System.nanoTime();
            } catch (IOException notYet) {
                // the port changes hands, or the service is not listening yet
            }
            if (System.nanoTime() - t0 > TimeUnit.MINUTES.toNanos(5)) throw new IllegalStateException("not ready in 5 minutes");
            LockSupport.parkNanos(5_000_000L);
        }
    }

    /**
     * A training run (-Dtrain=N, for the class-data archive or the AOT cache and its method profiles): after the first
     * 200, N rounds of the Slack paths the load phases use, so their classes are archived and their methods profiled.
     */
    static void train(Load.Conn conn, int rounds) throws Exception {
        for (int i = 1; i <= rounds; i++) {
            for (String kind : List.of("help", "deploy", "incident", "click")) {
                try {
                    conn.send(Load.body(kind, i), false);
                } catch (IOException e) {
                    conn.close();
                }
            }
        }
        if (rounds > 0) Thread.sleep(2000); // the work after the acks (checks, posts, cards) runs too
    }

    static long median(List<Long> values) {
        List<Long> s = new ArrayList<>(values);
        s.sort(null);
        return s.get(s.size() / 2);
    }

    static long rssKb(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) return Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
        return -1;
    }

    /** CPU time the process used (all its threads, user and system): a start-up figure other load barely moves. */
    static long cpuMillis(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10; // utime, stime in 1/100 s
    }

    static void deleteTree(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }
}
