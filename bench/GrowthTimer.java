import dev.flightdeck.deploy.DeployQueries;
import dev.flightdeck.deploy.DeployScheduler;
import dev.flightdeck.deploy.PostReleaseChecks;
import dev.flightdeck.incident.IncidentReminders;
import dev.flightdeck.incident.IncidentRepository;
import dev.flightdeck.metrics.DeliveryMetrics;
import dev.flightdeck.slack.incident.IncidentList;
import dev.flightdeck.web.signin.AccessLink;
import io.micronaut.context.ApplicationContext;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/** The measures, each WARMUP untimed then RUNS timed runs. */
final class GrowthTimer {
    private final ApplicationContext ctx;
    private final URI base;
    private final int runs;
    private final int warmup;
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .connectTimeout(Duration.ofSeconds(5)).build();

    GrowthTimer(ApplicationContext ctx, URI base, int runs, int warmup) {
        this.ctx = ctx;
        this.base = base;
        this.runs = runs;
        this.warmup = warmup;
    }

    void all() throws Exception {
        signIn();
        measure("deploys-page", () -> page("/deploys"));
        measure("incidents-page", () -> page("/incidents"));
        measure("delivery-page-365d", () -> page("/delivery?days=365"));
        DeliveryMetrics metrics = ctx.getBean(DeliveryMetrics.class);
        measure("deploy-stats", () -> metrics.lastDays(Optional.empty(), 30).overall().toString().length());
        DeployQueries queries = ctx.getBean(DeployQueries.class);
        measure("deploy-history", () -> queries.history("commons", Optional.empty(), 10).size());
        IncidentRepository incidents = ctx.getBean(IncidentRepository.class);
        measure("incident-list", () -> IncidentList.text(incidents.open(), Instant.now()).length());
        DeployScheduler deploy = ctx.getBean(DeployScheduler.class);
        IncidentReminders reminders = ctx.getBean(IncidentReminders.class);
        PostReleaseChecks post = ctx.getBean(PostReleaseChecks.class);
        measure("scheduler-pass", () -> deploy.runDue() + reminders.runDue() + post.runDue());
        var partTwo = GrowthPartTwo.schedulers(ctx);
        System.out.println("part-two-pass runs " + partTwo.stream().map(Map.Entry::getKey).toList());
        measure("part-two-pass", () -> GrowthPartTwo.pass(partTwo));
    }

    private void signIn() throws Exception {
        AccessLink link = ctx.getBean(AccessLink.class);
        java.lang.reflect.Field f = AccessLink.class.getDeclaredField("token");
        f.setAccessible(true);
        String token = new String((byte[]) f.get(link), StandardCharsets.US_ASCII);
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(base.resolve("/signin?token=" + token)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (page("/deploys") < 1000) {
            throw new IllegalStateException("could not sign in to the pages: " + r.statusCode());
        }
    }

    private int page(String path) {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(base.resolve(path)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IllegalStateException(path + " answered " + r.statusCode());
            }
            return r.body().length();
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException(path, e);
        }
    }

    private void measure(String name, Supplier<Object> work) {
        for (int i = 0; i < warmup; i++) {
            work.get();
        }
        double[] ms = new double[runs];
        double[] cpu = new double[runs];   // this JVM's CPU (all threads: the server's and this client's)
        var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        for (int i = 0; i < runs; i++) {
            long c = os.getProcessCpuTime();
            long t = System.nanoTime();
            work.get();
            ms[i] = (System.nanoTime() - t) / 1e6;
            cpu[i] = (os.getProcessCpuTime() - c) / 1e6;
        }
        Arrays.sort(ms);
        Arrays.sort(cpu);
        System.out.printf("measure %s p50=%.2f p95=%.2f cpu-p50=%.2f%n", name, ms[(int) Math.floor(0.50 * (runs - 1))],
                ms[(int) Math.ceil(0.95 * (runs - 1))], cpu[(int) Math.floor(0.50 * (runs - 1))]);
    }
}
