package dev.flightdeck.persistence.configchange;

import dev.flightdeck.envconfig.RuleFinding;
import dev.flightdeck.envconfig.RuleResult;
import dev.flightdeck.envconfig.change.ChangeKind;
import dev.flightdeck.envconfig.change.ChangeState;
import dev.flightdeck.envconfig.change.ConfigChange;
import dev.flightdeck.envconfig.change.ConfigChangeRepository;
import dev.flightdeck.envconfig.change.ConfigChangeScheduler;
import dev.flightdeck.envconfig.change.ConfigTarget;
import dev.flightdeck.envconfig.change.ValueChange;
import dev.flightdeck.testing.MutableClock;
import dev.flightdeck.testing.TestClockFactory;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the config change store promises, run on H2 and on PostgreSQL: conditional writes win once, no secret value. */
abstract class ConfigChangeRepositoryContract {

    static final Map<String, String> CLOCK = Map.of(TestClockFactory.PROPERTY, "true");

    @Inject
    ConfigChangeRepository repository;
    @Inject
    MutableClock clock;
    @Inject
    JdbcOperations jdbc;
    @Inject
    TransactionOperations<Connection> transactions;

    final Instant t0 = Instant.parse("2026-12-07T10:00:00Z");

    static String unique() {
        return "svc-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static final List<RuleResult> RULES = List.of(
            RuleResult.fail(RuleResult.Rule.PATTERN, "EMAIL_QUEUE_URL",
                    new RuleFinding.DoesNotMatch("prod", "https://sqs/mail-staging-emails", "^https://.*-prod$")),
            RuleResult.fail(RuleResult.Rule.UNIQUE_ACROSS_SERVICES, "EMAIL_QUEUE_URL",
                    new RuleFinding.SameAsOtherServices("prod", List.of(new RuleFinding.ServiceKey("reader", "Q")))),
            RuleResult.pass(RuleResult.Rule.DIFFER_ACROSS_ENVIRONMENTS, "EMAIL_QUEUE_URL",
                    new RuleFinding.DiffersFromEveryEnvironment()),
            new RuleResult(RuleResult.Rule.DIFFER_ACROSS_ENVIRONMENTS, "OTHER", RuleResult.Outcome.UNKNOWN,
                    new RuleFinding.CouldNotCompare(List.of(new RuleFinding.Unreadable("staging", "AccessDenied")))),
            RuleResult.pass(RuleResult.Rule.REQUIRED, "EMAIL_QUEUE_URL", new RuleFinding.Present()));

    ConfigChange plain(String service) {
        return new ConfigChange(0, new ConfigTarget(service, "prod", "EMAIL_QUEUE_URL", "/" + service + "/prod/EMAIL_QUEUE_URL",
                "String"), ChangeKind.SET, new ValueChange("3", Optional.of("https://old"), Optional.of("https://new"),
                "a1b2c3d4", "9f8e7d6c"), "U1", ChangeState.PROPOSED, List.of(), RULES, true, Optional.empty(),
                Optional.of(7L), new ConfigChange.Timers(t0, t0.plus(Duration.ofMinutes(15)), 0, t0.plus(Duration.ofHours(4)),
                null), Optional.empty(), "", Optional.empty());
    }

    ConfigChange secret(String service) {
        return new ConfigChange(0, new ConfigTarget(service, "prod", "API_KEY", service + "/prod", "secret"),
                ChangeKind.SET, new ValueChange("v-1", Optional.empty(), Optional.empty(), "a1b2c3d4", "9f8e7d6c"), "U1",
                ChangeState.PROPOSED, List.of(), List.of(), false, Optional.empty(), Optional.empty(),
                new ConfigChange.Timers(t0, t0.plus(Duration.ofMinutes(15)), 0, t0.plus(Duration.ofHours(4)), null),
                Optional.empty(), "", Optional.empty());
    }

    static String stackText(Throwable e) {
        java.io.StringWriter out = new java.io.StringWriter();
        e.printStackTrace(new java.io.PrintWriter(out));
        return out.toString();
    }

    static ConfigChange moved(ConfigChange c, ChangeState to, Instant finished, String version, String outcome) {
        ConfigChange.Timers t = c.timers();
        ConfigChange after = c.withState(to, new ConfigChange.Timers(t.proposedAt(), null, t.nudges(), t.expiresAt(),
                finished));
        return new ConfigChange(after.id(), after.target(), after.kind(), after.value(), after.proposerId(),
                after.state(), after.approvedBy(), after.rules(), after.blocked(), after.override(), after.revertOf(),
                after.timers(), after.message(), version, Optional.ofNullable(outcome));
    }

    @Test
    void storesAChangeWithItsRuleResultsAndReadsItBackAsStored() {
        ConfigChange stored = repository.insert(plain(unique()));
        assertThat(stored.id()).isPositive();
        ConfigChange read = repository.find(stored.id()).orElseThrow();
        assertThat(read).isEqualTo(stored);
        assertThat(read).usingRecursiveComparison().ignoringFields("id").isEqualTo(plain(stored.service()));
        assertThat(read.id()).isEqualTo(stored.id());
        assertThat(read.rules()).isEqualTo(RULES);
        assertThat(read.value().newValue()).contains("https://new");
        assertThat(read.revertOf()).contains(7L);

        repository.saveMessage(stored.id(), new ConfigChange.Message("C1", "1700000000.000100"));
        assertThat(repository.find(stored.id()).orElseThrow().message())
                .contains(new ConfigChange.Message("C1", "1700000000.000100"));
        assertThat(repository.find(Long.MAX_VALUE)).isEmpty();
    }

    @Test
    void aSecretChangeHasNoValueInItsRowAndTheTableRefusesOne() throws Exception {
        ConfigChange stored = repository.insert(secret(unique()));
        List<String> values = transactions.executeRead(s -> jdbc.execute(c -> {
            try (ResultSet rs = c.createStatement().executeQuery(
                    "SELECT old_plain_value, new_plain_value, new_fingerprint FROM config_change WHERE id = " + stored.id())) {
                rs.next();
                List<String> row = new ArrayList<>();
                row.add(rs.getString(1));
                row.add(rs.getString(2));
                row.add(rs.getString(3));
                return row;
            }
        }));
        assertThat(values).containsExactly(null, null, "9f8e7d6c");
        // Whatever code might try: a SecureString or Secrets Manager row with a value is refused by the database.
        assertThatThrownBy(() -> transactions.executeWrite(s -> jdbc.execute(c -> c.createStatement().executeUpdate(
                "UPDATE config_change SET new_plain_value = 'made-up-secret' WHERE id = " + stored.id()))))
                .satisfies(e -> assertThat(stackText(e)).containsIgnoringCase("config_change_no_secret_value"));
        assertThat(repository.find(stored.id()).orElseThrow().value().newValue()).isEmpty();
    }

    @Test
    void twoConcurrentTransitionsFromOneStateMakeExactlyOneDecision() throws Exception {
        for (int round = 0; round < 5; round++) {
            ConfigChange c = repository.insert(plain(unique()));
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                Callable<Boolean> go = () -> {
                    start.await();
                    return repository.transition(c, moved(c, ChangeState.APPLYING, null, "", null));
                };
                Callable<Boolean> cancel = () -> {
                    start.await();
                    return repository.transition(c, moved(c, ChangeState.CANCELLED, t0, "", null));
                };
                Future<Boolean> a = pool.submit(go);
                Future<Boolean> b = pool.submit(cancel);
                start.countDown();
                assertThat(List.of(a.get(), b.get())).containsExactlyInAnyOrder(true, false);
                ChangeState now = repository.find(c.id()).orElseThrow().state();
                assertThat(now).isEqualTo(a.get() ? ChangeState.APPLYING : ChangeState.CANCELLED);
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void aTransitionWritesOnlyFromTheStateItReadAndKeepsVersionAndOutcome() {
        ConfigChange c = repository.insert(plain(unique()));
        ConfigChange applying = moved(c, ChangeState.APPLYING, null, "", null);
        assertThat(repository.transition(c, applying)).isTrue();
        assertThat(repository.transition(c, moved(c, ChangeState.REJECTED, t0, "", null))).isFalse();
        ConfigChange failed = moved(applying, ChangeState.FAILED, null, "", "AccessDenied on PutParameter");
        assertThat(repository.transition(applying, failed)).isTrue();
        ConfigChange read = repository.find(c.id()).orElseThrow();
        assertThat(read.state()).isEqualTo(ChangeState.FAILED);
        assertThat(read.outcome()).contains("AccessDenied on PutParameter");
        assertThat(read.timers().nextNudgeAt()).isNull();
        ConfigChange again = moved(read, ChangeState.APPLYING, null, "", "AccessDenied on PutParameter");
        assertThat(repository.transition(read, again)).isTrue();
        assertThat(repository.applying(c.service(), "prod", "EMAIL_QUEUE_URL")).map(ConfigChange::id).contains(c.id());
        assertThat(repository.transition(again, moved(again, ChangeState.APPLIED, t0, "4", null))).isTrue();
        assertThat(repository.find(c.id()).orElseThrow().newVersion()).isEqualTo("4");
        assertThat(repository.applying(c.service(), "prod", "EMAIL_QUEUE_URL")).isEmpty();
    }

    @Test
    void eachApproverCountsOnceInTheOrderTheyWentAndAnOverrideHappensOnce() {
        ConfigChange c = repository.insert(plain(unique()));
        assertThat(repository.addApproval(c.id(), "U2")).isTrue();
        assertThat(repository.addApproval(c.id(), "U2")).isFalse();
        assertThat(repository.addApproval(c.id(), "U3")).isTrue();
        assertThat(repository.find(c.id()).orElseThrow().approvedBy()).containsExactly("U2", "U3");

        assertThat(repository.override(c.id(), "U3", "queue renamed on purpose")).isTrue();
        assertThat(repository.override(c.id(), "U2", "again")).isFalse();
        assertThat(repository.find(c.id()).orElseThrow().override())
                .contains(new ConfigChange.RuleOverride("U3", "queue renamed on purpose"));
        ConfigChange notBlocked = repository.insert(secret(unique()));
        assertThat(repository.override(notBlocked.id(), "U3", "nothing to override")).isFalse();
    }

    @Test
    void aDueNudgeIsClaimedByOneReplicaAndCountedOnce() {
        String service = unique();
        ConfigChange c = repository.insert(plain(service));
        Instant now = t0.plus(Duration.ofMinutes(16));
        ConfigChange due = repository.dueNudges(now, 1000).stream().filter(x -> x.id() == c.id()).findFirst().orElseThrow();
        Instant lease = now.plus(Duration.ofMinutes(2));
        assertThat(repository.claimNudge(due, lease)).isTrue();
        assertThat(repository.claimNudge(due, lease.plusSeconds(1))).isFalse();
        assertThat(repository.dueNudges(now, 1000)).noneMatch(x -> x.id() == c.id());
        Instant next = now.plus(Duration.ofMinutes(15));
        assertThat(repository.completeNudge(due, lease, next)).isTrue();
        assertThat(repository.completeNudge(due, lease, next)).isFalse();
        ConfigChange read = repository.find(c.id()).orElseThrow();
        assertThat(read.timers().nudges()).isEqualTo(1);
        assertThat(read.timers().nextNudgeAt()).isEqualTo(next);
        assertThat(repository.dueNudges(now, 1000)).noneMatch(x -> x.id() == c.id());
    }

    @Test
    void expiryCoversWaitingAndFailedRequestsAndStrandedWritesAreFoundByWhenTheyStarted() {
        ConfigChange waiting = repository.insert(plain(unique()));
        ConfigChange failing = repository.insert(plain(unique()));
        clock.set(t0.plusSeconds(30));
        ConfigChange applying = moved(failing, ChangeState.APPLYING, null, "", null);
        repository.transition(failing, applying);
        Instant later = t0.plus(Duration.ofHours(5));
        assertThat(repository.stranded(t0.plusSeconds(31), 1000)).anyMatch(x -> x.id() == failing.id());
        assertThat(repository.stranded(t0.plusSeconds(30), 1000)).noneMatch(x -> x.id() == failing.id());
        assertThat(repository.dueExpiries(later, 1000)).anyMatch(x -> x.id() == waiting.id())
                .noneMatch(x -> x.id() == failing.id());
        repository.transition(applying, moved(applying, ChangeState.FAILED, null, "", "throttled"));
        assertThat(repository.dueExpiries(later, 1000)).anyMatch(x -> x.id() == failing.id());
        assertThat(repository.dueExpiries(t0.plus(Duration.ofHours(3)), 1000))
                .noneMatch(x -> x.id() == failing.id() || x.id() == waiting.id());
    }

    @Test
    void theNextDueTimeIsTheEarliestNudgeExpiryOrStrandedSettle() {
        Instant early = Instant.parse("2001-01-01T00:00:00Z");
        ConfigChange c = repository.insert(new ConfigChange(0, plain(unique()).target(), ChangeKind.SET,
                plain("x").value(), "U1", ChangeState.PROPOSED, List.of(), List.of(), false, Optional.empty(),
                Optional.empty(), new ConfigChange.Timers(early, early.plusSeconds(60), 0, early.plusSeconds(30), null),
                Optional.empty(), "", Optional.empty()));
        assertThat(repository.nextDue()).contains(early.plusSeconds(30));
        Instant started = early.plusSeconds(10);
        clock.set(started);
        repository.transition(c, moved(c, ChangeState.APPLYING, null, "", null));
        assertThat(repository.nextDue()).contains(started.plus(ConfigChangeScheduler.STRANDED_AFTER));
        ConfigChange applying = repository.find(c.id()).orElseThrow();
        repository.transition(applying, moved(applying, ChangeState.APPLIED, early, "2", null));
        // Final now: nothing of it is due any more (other tests' requests are due later, if at all).
        repository.nextDue().ifPresent(at -> assertThat(at).isAfter(started.plus(ConfigChangeScheduler.STRANDED_AFTER)));
    }
}
