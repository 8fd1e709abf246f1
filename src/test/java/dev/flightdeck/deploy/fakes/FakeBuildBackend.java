package dev.flightdeck.deploy.fakes;

import dev.flightdeck.deploy.BuildBackend;
import dev.flightdeck.deploy.BuildTrigger;
import dev.flightdeck.deploy.DeployRequest;
import dev.flightdeck.team.ServiceConfig;

import java.util.ArrayList;
import java.util.List;

/** A CI that starts build #1, #2… of {@code <service>-<env>}, or fails every trigger once told to. */
public final class FakeBuildBackend implements BuildBackend {

    private final List<Long> triggered = new ArrayList<>();
    private String failure;

    public void failWith(String reason) {
        this.failure = reason;
    }

    @Override
    public synchronized BuildTrigger trigger(DeployRequest request, ServiceConfig service) {
        triggered.add(request.id());
        if (failure != null) {
            return new BuildTrigger.Failed(failure);
        }
        String job = request.service() + "-" + request.environment();
        return new BuildTrigger.Started(job + " #" + triggered.size(), "https://ci.example.test/" + job + "/" + triggered.size());
    }

    /** The deploy ids a build was triggered for, one entry per trigger. */
    public synchronized List<Long> triggered() {
        return List.copyOf(triggered);
    }
}
