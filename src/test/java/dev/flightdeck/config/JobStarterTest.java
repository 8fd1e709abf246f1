package dev.flightdeck.config;

import dev.flightdeck.wake.BackgroundJob;
import dev.flightdeck.wake.Wakeups;

import dev.flightdeck.testing.TestApp;
import io.micronaut.context.BeanContext;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthResult;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The scheduled jobs start on a thread of their own after the context; readiness says whether they have. */
class JobStarterTest {

    private static HealthResult health(JobStarter starter) {
        return Mono.from(starter.getResult()).block();
    }

    @Test
    void readinessSaysStartingUntilEveryJobIsMadeThenStarted() throws Exception {
        BeanContext context = Mockito.mock(BeanContext.class);
        Mockito.when(context.getBeansOfType(BackgroundJob.class)).thenReturn(List.of(new BackgroundJob() { }, new BackgroundJob() { }));
        JobStarter starter = new JobStarter(context);

        assertThat(health(starter).getStatus()).as("the replica serves requests meanwhile").isEqualTo(HealthStatus.UP);
        assertThat(health(starter).getDetails()).isEqualTo(Map.of("state", "starting"));

        starter.onStartup(null);
        assertThat(starter.started().get(10, TimeUnit.SECONDS)).isEqualTo(2);
        assertThat(health(starter).getStatus()).isEqualTo(HealthStatus.UP);
        assertThat(health(starter).getDetails()).isEqualTo(Map.of("state", "started"));
    }

    @Test
    void aJobThatCannotBeMadeKeepsReadinessDown() {
        BeanContext context = Mockito.mock(BeanContext.class);
        Mockito.when(context.isRunning()).thenReturn(true);
        Mockito.when(context.getBeansOfType(BackgroundJob.class)).thenThrow(new IllegalStateException("no database"));
        JobStarter starter = new JobStarter(context);

        starter.onStartup(null);
        assertThatThrownBy(() -> starter.started().get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .hasRootCauseMessage("no database");
        assertThat(health(starter).getStatus()).isEqualTo(HealthStatus.DOWN);
        assertThat(health(starter).getDetails()).isEqualTo(Map.of("state", "failed (see the log)"));
    }

    @Test
    void inTheAppEveryWakerRunsWithoutAnyoneAskingForItsJob() throws Exception {
        TestApp app = TestApp.shared();
        assertThat(app.bean(JobStarter.class).started().get(30, TimeUnit.SECONDS)).isGreaterThanOrEqualTo(17);
        Wakeups wakeups = app.bean(Wakeups.class);
        // (the post-release job is off in tests: they run its probes themselves)
        for (String topic : List.of(Wakeups.OUTBOX, Wakeups.DEPLOY, Wakeups.INCIDENT, Wakeups.RECHECK,
                Wakeups.BUILD_POLL, Wakeups.DELIVERY)) {
            assertThat(wakeups.waker(topic)).as(topic).isPresent();
        }
    }
}
