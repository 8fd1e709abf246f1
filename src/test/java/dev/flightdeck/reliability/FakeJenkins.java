package dev.flightdeck.reliability;

import dev.flightdeck.build.FakeBuildServer;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Jenkins's remote API as Flightdeck's Jenkins backend uses it (crumb, buildWithParameters answering 201 with a
 * queue item, the queue item turning into build #n), counting the builds started per job.
 */
final class FakeJenkins implements AutoCloseable {
    static final String TOKEN = "jenkins-api-token-for-tests";

    final FakeBuildServer server = new FakeBuildServer();
    private final AtomicInteger queue = new AtomicInteger(100);

    FakeJenkins() {
        server.on("GET /crumbIssuer/api/json", r -> new FakeBuildServer.Answer(200,
                "{\"crumbRequestField\":\"Jenkins-Crumb\",\"crumb\":\"c0ffee\"}", Map.of("Set-Cookie", "JSESSIONID=s1; Path=/")));
        server.on("POST /job/", r -> r.path().endsWith("/buildWithParameters")
                ? new FakeBuildServer.Answer(201, "", Map.of("Location", url() + "/queue/item/" + queue.incrementAndGet() + "/"))
                : FakeBuildServer.Answer.of(404, "{}"));
        server.on("GET /queue/item/", r -> {
            String n = r.path().replaceAll("\\D+", " ").trim().split(" ")[0];
            return FakeBuildServer.Answer.of(200, "{\"executable\":{\"number\":" + n + ",\"url\":\"" + url() + "/job/x/" + n + "/\"}}");
        });
        server.on("GET /job/", r -> FakeBuildServer.Answer.of(200, "{\"building\":true,\"result\":null}"));
    }

    String url() {
        return server.url();
    }

    /** buildWithParameters calls for this job name. */
    long builds(String job) {
        return server.received("POST", "/job/" + job + "/buildWithParameters").size();
    }

    /** The DEPLOY_ID parameter of every build started of this job (what Flightdeck passes). */
    java.util.List<String> queries(String job) {
        return server.received("POST", "/job/" + job + "/buildWithParameters").stream()
                .map(FakeBuildServer.Received::query).toList();
    }

    @Override
    public void close() {
        server.close();
    }
}
