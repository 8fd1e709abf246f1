package dev.flightdeck.deploy;

import dev.flightdeck.health.ServiceReleaseProbe;
import dev.flightdeck.testing.TestClockFactory;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The post-release probe in test apps: healthy unless a test says otherwise for a service; never calls out. */
@Singleton
@Replaces(ServiceReleaseProbe.class)
@Requires(property = TestClockFactory.PROPERTY, value = "true")
public class FakeReleaseProbe implements ReleaseProbe {

    private final Map<String, Result> answers = new ConcurrentHashMap<>();

    public void answer(String service, String environment, Result result) {
        answers.put(service + "/" + environment, result);
    }

    public void clear() {
        answers.clear();
    }

    @Override
    public Result probe(String service, String environment) {
        return answers.getOrDefault(service + "/" + environment, new Result(true, true, "health 200 in 12 ms, no alarms firing"));
    }
}
