package dev.flightdeck.deploy;

import dev.flightdeck.team.ServiceConfig;
import dev.flightdeck.testing.TestClockFactory;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** The build backend in test apps: counts triggers per request; a version listed in {@link #failVersion} fails. */
@Singleton
@Replaces(dev.flightdeck.build.BuildBackends.class)
@Requires(property = TestClockFactory.PROPERTY, value = "true")
public class FakeBuildBackend implements BuildBackend {

    private final List<Long> triggered = new CopyOnWriteArrayList<>();
    private final Map<String, String> failures = new ConcurrentHashMap<>();
    private final Map<String, BuildTrigger.Started> answers = new ConcurrentHashMap<>();
    private final Map<String, BuildBackend> through = new ConcurrentHashMap<>();

    @Override
    public BuildTrigger trigger(DeployRequest request, ServiceConfig service) {
        triggered.add(request.id());
        String failure = failures.get(request.version());
        if (failure != null) {
            return new BuildTrigger.Failed(failure);
        }
        BuildBackend real = through.get(request.version());
        if (real != null) {
            return real.trigger(request, service);
        }
        BuildTrigger.Started answer = answers.get(request.version());
        if (answer != null) {
            return answer;
        }
        return new BuildTrigger.Started(service.buildFor(request.environment()) instanceof
                dev.flightdeck.team.BuildBackendConfig.Jenkins j ? j.job() + " #" + (100 + triggered.size()) : "build",
                "https://ci.example.com/build/" + request.id());
    }

    public long triggersOf(long requestId) {
        return triggered.stream().filter(id -> id == requestId).count();
    }

    public void succeedVersion(String version) {
        failures.remove(version);
    }

    /** Triggers for {@code version} report this build (label and URL as the real backend would store them). */
    public void startVersionAs(String version, String label, String url) {
        answers.put(version, new BuildTrigger.Started(label, url));
    }

    /** Triggers for {@code version} go to {@code real} (a real backend against moto or a fake vendor) from now on. */
    public void startVersionThrough(String version, BuildBackend real) {
        through.put(version, real);
    }

    /** Triggers for {@code version} answer Failed(reason) from now on. */
    public void failVersion(String version, String reason) {
        failures.put(version, reason);
    }
}
