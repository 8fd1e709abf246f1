package dev.flightdeck.envconfig.logs;

import dev.flightdeck.envconfig.ConfigSource;
import dev.flightdeck.envconfig.ConfigSourceException;
import dev.flightdeck.envconfig.EnvConfigSettings;
import dev.flightdeck.envconfig.LogSettings;
import dev.flightdeck.envconfig.SecretValues;
import dev.flightdeck.envconfig.SourceRead;
import dev.flightdeck.team.BuildBackendConfig;
import dev.flightdeck.incident.IncidentsConfig;
import dev.flightdeck.team.ServiceConfig;
import dev.flightdeck.team.WebhooksConfig;
import dev.flightdeck.team.TeamConfig;
import dev.flightdeck.testing.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The log search use case against an in-memory log store and config source: every search ends in one answer. */
class LogSearchesTest {

    static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");
    final MutableClock clock = MutableClock.at(NOW);
    final ScriptedStore store = new ScriptedStore();
    final FakeSecrets secrets = new FakeSecrets();
    final BlockingQueue<LogAnswer> told = new LinkedBlockingQueue<>();

    @Test
    void planCoversTheLastSinceOverTheServicesGroupsForTheEnvironmentAndNoneWithoutLogs() {
        LogQuery query = searches().plan("shop", "prod", Duration.ofHours(2), Optional.of("boom")).orElseThrow();

        assertThat(query.groups()).containsExactly("/ecs/shop-prod", "/aws/lambda/shop-prod-worker");
        assertThat(query.from()).isEqualTo(NOW.minus(Duration.ofHours(2)));
        assertThat(query.to()).isEqualTo(NOW);
        assertThat(query.text()).isEqualTo("fields @timestamp, @message | filter @message like /boom/ | sort @timestamp "
                + "desc | limit 20");
        assertThat(searches().plan("quiet", "prod", Duration.ofHours(1), Optional.empty())).isEmpty();
    }

    @Test
    void aCompleteQueryIsToldOnceNewestFirstWithTheSecretMasked() throws Exception {
        store.script(QueryResults.running(), QueryResults.complete(List.of(
                line(NOW.minusSeconds(60), "older: key " + FakeSecrets.VALUE),
                line(NOW.minusSeconds(10), "newest"),
                line(NOW.minusSeconds(30), "middle ghp_abcdefghijklmnopqrstuvwxyz0123")), 3));

        run(searches());

        LogAnswer.Found found = (LogAnswer.Found) next();
        assertThat(found.lines()).extracting(LogLine::text).containsExactly("newest", "middle [masked]", "older: key [masked]");
        assertThat(found.matched()).isEqualTo(3);
        assertThat(found.link()).isEqualTo("https://console.example/query");
        assertThat(told.poll(300, TimeUnit.MILLISECONDS)).isNull();
    }

    @Test
    void aSlowQueryIsSaidToRunThenAnsweredAndOneThatNeverEndsIsStopped() throws Exception {
        store.script(QueryResults.running(), QueryResults.running(), QueryResults.running(), QueryResults.running(),
                QueryResults.complete(List.of(line(NOW, "late")), 1));
        run(searches());
        assertThat(next()).isInstanceOf(LogAnswer.StillRunning.class);
        assertThat(((LogAnswer.Found) next()).lines()).extracting(LogLine::text).containsExactly("late");

        store.forever(QueryResults.running());
        run(searches());
        assertThat(next()).isEqualTo(new LogAnswer.StillRunning(Duration.ofMillis(3), "https://console.example/query"));
        assertThat(next()).isEqualTo(new LogAnswer.GaveUp(Duration.ofMillis(10), "https://console.example/query"));
        assertThat(store.stopped).containsExactly("q-2");
    }

    @Test
    void failuresAreToldInWordsAndUnmaskableLinesAreNotShown() throws Exception {
        store.script(QueryResults.ended("Timeout"));
        run(searches());
        assertThat(next()).isEqualTo(new LogAnswer.Failed("the query ended with status Timeout and no results",
                "https://console.example/query"));

        store.failStart = new LogSearchException("CloudWatch Logs has no log group /ecs/shop-prod");
        run(searches());
        assertThat(((LogAnswer.Failed) next()).why()).isEqualTo("CloudWatch Logs has no log group /ecs/shop-prod");
        store.failStart = null;

        secrets.broken = true;
        store.script(QueryResults.complete(List.of(line(NOW, "key " + FakeSecrets.VALUE)), 1));
        run(searches());
        LogAnswer.Failed failed = (LogAnswer.Failed) next();
        assertThat(failed.why()).startsWith("the lines were found but the service's secrets could not be read to mask "
                + "them").doesNotContain(FakeSecrets.VALUE);
    }

    private void run(LogSearches searches) {
        LogQuery query = searches.plan("shop", "prod", Duration.ofHours(1), Optional.empty()).orElseThrow();
        assertThat(searches.run("shop", "prod", query, told::add)).isTrue();
    }

    private LogAnswer next() throws InterruptedException {
        LogAnswer answer = told.poll(10, TimeUnit.SECONDS);
        assertThat(answer).as("an answer within 10 s").isNotNull();
        return answer;
    }

    private LogSearches searches() {
        ServiceConfig shop = new ServiceConfig("shop", new BuildBackendConfig.CodeBuild("shop-{env}"),
                new EnvConfigSettings(Optional.of("/shop/{env}/"), List.of(), dev.flightdeck.envconfig.ConfigRules.NONE),
                Optional.empty(), Map.of(), Optional.empty(), Optional.empty(), List.of(), Map.of(), Optional.empty(),
                Optional.of(new LogSettings(List.of("/ecs/shop-{env}", "/aws/lambda/shop-{env}-worker"))), Optional.empty());
        ServiceConfig quiet = new ServiceConfig("quiet", new BuildBackendConfig.CodeBuild("quiet-{env}"),
                EnvConfigSettings.NONE, Optional.empty(), Map.of());
        TeamConfig team = new TeamConfig(Map.of(), Map.of("shop", shop, "quiet", quiet), IncidentsConfig.defaults(),
                WebhooksConfig.NONE);
        // 1 ms looks: "still running" after 3 looks, given up after 10 ms.
        return new LogSearches(team, store, new SecretValues(team, List.of(secrets)), clock, Duration.ofMillis(3),
                Duration.ofMillis(1), Duration.ofMillis(1), Duration.ofMillis(10));
    }

    private static LogLine line(Instant at, String text) {
        return new LogLine(Optional.of(at), text);
    }

    /** Answers each look with the next scripted state; the last one repeats. */
    static final class ScriptedStore implements LogSearch {
        private final Deque<QueryResults> script = new ArrayDeque<>();
        private QueryResults last;
        private int started;
        final List<String> stopped = new ArrayList<>();
        volatile LogSearchException failStart;

        synchronized void script(QueryResults... states) {
            script.clear();
            script.addAll(List.of(states));
        }

        synchronized void forever(QueryResults state) {
            script(state);
        }

        @Override
        public synchronized String start(LogQuery query) {
            if (failStart != null) {
                throw failStart;
            }
            return "q-" + ++started;
        }

        @Override
        public synchronized QueryResults results(String queryId) {
            if (!script.isEmpty()) {
                last = script.poll();
            }
            return last;
        }

        @Override
        public synchronized void stop(String queryId) {
            stopped.add(queryId);
        }

        @Override
        public String consoleLink(LogQuery query) {
            return "https://console.example/query";
        }
    }

    /** One SecureString per service and environment; can be made unreadable. */
    static final class FakeSecrets implements ConfigSource {
        static final String VALUE = "s3cr3t-value-of-shop";
        volatile boolean broken;

        @Override
        public String name() {
            return "fake store";
        }

        @Override
        public SourceRead read(String service, String env, EnvConfigSettings settings) {
            return SourceRead.EMPTY;
        }

        @Override
        public List<String> secretValues(String service, String env, EnvConfigSettings settings) {
            if (broken) {
                throw new ConfigSourceException("fake store: AccessDenied");
            }
            return settings.ssmPathFor(env).isPresent() ? List.of(VALUE) : List.of();
        }
    }
}
