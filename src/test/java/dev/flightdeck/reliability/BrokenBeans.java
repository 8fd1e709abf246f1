package dev.flightdeck.reliability;

import dev.flightdeck.build.BuildStatusSink;
import dev.flightdeck.deploy.DeployRepository;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import org.mockito.Mockito;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;

/**
 * For {@link ServerErrorsTest} only: a build-status sink and a deploy store that fail with a message no user should
 * see, the way a database outage or a bug would.
 */
@Factory
@Requires(property = BrokenBeans.PROPERTY, value = "true")
class BrokenBeans {

    static final String PROPERTY = "flightdeck.test.broken-beans";
    static final String LEAK = "SELECT token_hash FROM deploy_request WHERE secret = 'xoxb-leaky'";

    @Singleton
    @Replaces(BuildStatusSink.class)
    BuildStatusSink sink() {
        BuildStatusSink sink = Mockito.mock(BuildStatusSink.class);
        Mockito.when(sink.accept(any())).thenThrow(new IllegalStateException(LEAK));
        return sink;
    }

    @Singleton
    @Replaces(DeployRepository.class)
    DeployRepository deploys() {
        DeployRepository deploys = Mockito.mock(DeployRepository.class);
        Mockito.when(deploys.requestedBetween(any(), any(), any(), Mockito.anyLong(), anyInt())).thenThrow(new IllegalStateException(LEAK));
        return deploys;
    }
}
