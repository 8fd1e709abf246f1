package dev.flightdeck.slack.deploy;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import dev.flightdeck.deploy.ApproverDirectory;
import dev.flightdeck.slack.api.RetryPolicy;
import dev.flightdeck.slack.api.SlackGateway;
import dev.flightdeck.slack.edge.SlackSettings;
import dev.flightdeck.testing.FakeSlack;
import dev.flightdeck.testing.Fault;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Approver groups looked up in Slack when many deploy requests and clicks arrive at once on a slow Slack. */
class SlackApproverDirectoryTest {
    static final int CALLERS = 8;
    static final Fault SLOW = Fault.times(CALLERS, Fault.delay(Duration.ofSeconds(1)));

    final FakeSlack fake = new FakeSlack().start();
    Slack slack;
    SlackGateway gateway;
    SlackApproverDirectory directory;
    ExecutorService callers;

    @BeforeEach
    void start() {
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(fake.baseUrl());
        slack = Slack.getInstance(config);
        gateway = new SlackGateway(slack, new SlackSettings(FakeSlack.BOT_TOKEN, null, null, fake.baseUrl()), RetryPolicy.defaults());
        directory = new SlackApproverDirectory(gateway, Clock.systemUTC(), Duration.ofMinutes(5));
        callers = Executors.newFixedThreadPool(CALLERS);
    }

    @AfterEach
    void stop() throws Exception {
        callers.shutdownNow();
        gateway.close();
        slack.close();
        fake.stop();
    }

    /** Every caller asks for the members of @developers at the same moment; the answers, in their order. */
    List<Future<Set<String>>> burst() {
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Set<String>>> answers = new ArrayList<>();
        for (int i = 0; i < CALLERS; i++) {
            answers.add(callers.submit(() -> {
                go.await();
                return directory.members("developers");
            }));
        }
        go.countDown();
        return answers;
    }

    @Test
    void aBurstOnAColdCacheAsksSlackOnceAndEveryoneGetsTheMembers() throws Exception {
        String ann = fake.addUser("ann");
        String bo = fake.addUser("bo");
        fake.addUserGroup("developers", List.of(ann, bo));
        fake.failNext("usergroups.list", SLOW);
        fake.failNext("usergroups.users.list", SLOW);

        for (Future<Set<String>> answer : burst()) {
            assertThat(answer.get(10, TimeUnit.SECONDS)).containsExactlyInAnyOrder(ann, bo);
        }
        assertThat(fake.calls("usergroups.list")).hasSize(1);
        assertThat(fake.calls("usergroups.users.list")).hasSize(1);
        assertThat(directory.mention("developers")).startsWith("<!subteam^S");
        assertThat(fake.calls("usergroups.list")).hasSize(1);
    }

    @Test
    void whenTheSharedLookupFailsEveryCallerIsToldAndTheNextCallerAsksAgain() throws Exception {
        String ann = fake.addUser("ann");
        fake.addUserGroup("developers", List.of(ann));
        fake.failNext("usergroups.list", SLOW);
        fake.failNext("usergroups.users.list", Fault.times(1, Fault.error("fatal_error")));

        for (Future<Set<String>> answer : burst()) {
            assertThatThrownBy(() -> answer.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(ApproverDirectory.DirectoryUnavailable.class);
        }
        assertThat(fake.calls("usergroups.users.list")).hasSize(1);
        fake.clearFaults();
        assertThat(directory.members("developers")).containsExactly(ann);
        assertThat(fake.calls("usergroups.users.list")).hasSize(2);
    }
}
