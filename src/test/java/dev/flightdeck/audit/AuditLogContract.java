package dev.flightdeck.audit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every {@link AuditLog} does, written once: run against the in-memory fake, H2 and PostgreSQL.
 * Events can never be deleted, so tests share one store per class; each test works in its own namespace
 * of types and actors instead of cleaning up.
 */
public abstract class AuditLogContract {

    protected abstract AuditLog auditLog();

    /** Unique per test: prefix of this test's event types and actors. */
    protected String ns;
    /** Arbitrary base instant with microseconds (the precision PostgreSQL keeps). */
    protected final Instant t0 = Instant.parse("2031-03-04T05:06:07.123456Z");

    @BeforeEach
    void newNamespace() {
        ns = "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    protected AuditEvent event(String typeSuffix, String actor, Instant at, String payloadJson) {
        return new AuditEvent(UUID.randomUUID(), ns + "." + typeSuffix, 1, actor, at, Optional.empty(), payloadJson);
    }

    protected String actor(String name) {
        return ns.toUpperCase() + "_" + name;
    }

    @Test
    void appendThenFindReturnsEveryFieldExactly() {
        AuditEvent traced = new AuditEvent(UUID.randomUUID(), ns + ".deploy.approved", 3, actor("alice"),
                t0.plusNanos(1_000), Optional.of("4bf92f3577b34da6a3ce929d0e0e4736"),
                "{\"service\":\"commons\",\"version\":\"1.4.2\",\"approvals\":2}");
        AuditEvent untraced = new AuditEvent(UUID.randomUUID(), ns + ".deploy.started", 1, "system:scheduler",
                t0.plusSeconds(1), Optional.empty(), "{}");
        auditLog().append(traced);
        auditLog().append(untraced);

        List<AuditEvent> found = auditLog().find(AuditQuery.oldestFirst(10).ofTypes(traced.type(), untraced.type()));

        assertThat(found).containsExactly(traced, untraced);
    }

    @Test
    void payloadSurvivesUnicodeAndMarkupCharacters() {
        String payload = "{\"text\":\"Zoë ✓ 部署 🚀 <b>&amp;</b> \\\"quoted\\\" back\\\\slash\\nline2 'single'\","
                + "\"user\":\"<@U123|zoë>\"}";
        AuditEvent event = event("incident.note", actor("zoe"), t0, payload);
        auditLog().append(event);

        AuditEvent stored = auditLog().find(AuditQuery.newestFirst(1).ofTypes(event.type())).get(0);

        assertThat(stored.payloadJson()).isEqualTo(payload);
    }

    @Test
    void appendingTheSameEventIdAgainKeepsTheFirstAndStoresOne() {
        AuditEvent first = event("deploy.approved", actor("alice"), t0, "{\"attempt\":1}");
        AuditEvent retry = new AuditEvent(first.eventId(), first.type(), 1, actor("alice"), t0.plusSeconds(3),
                Optional.of("retry-trace"), "{\"attempt\":2}");

        auditLog().append(first);
        auditLog().append(first);
        auditLog().append(retry);

        assertThat(auditLog().find(AuditQuery.newestFirst(10).ofTypes(first.type()))).containsExactly(first);
    }

    @Test
    void filtersByTypeActorAndTimeRangeWithInclusiveStartAndExclusiveEnd() {
        AuditEvent a1 = event("deploy.approved", actor("alice"), t0, "{}");
        AuditEvent b1 = event("deploy.approved", actor("bob"), t0.plusSeconds(10), "{}");
        AuditEvent a2 = event("deploy.rejected", actor("alice"), t0.plusSeconds(20), "{}");
        AuditEvent b2 = event("incident.opened", actor("bob"), t0.plusSeconds(30), "{}");
        List.of(b2, a1, a2, b1).forEach(auditLog()::append);
        String approved = ns + ".deploy.approved";
        String rejected = ns + ".deploy.rejected";
        String opened = ns + ".incident.opened";

        assertThat(auditLog().find(AuditQuery.oldestFirst(10).ofTypes(approved))).containsExactly(a1, b1);
        assertThat(auditLog().find(AuditQuery.oldestFirst(10).ofTypes(approved, rejected, opened).by(actor("alice"))))
                .containsExactly(a1, a2);
        assertThat(auditLog().find(AuditQuery.oldestFirst(10).by(actor("bob")))).containsExactly(b1, b2);
        assertThat(auditLog().find(AuditQuery.oldestFirst(10).ofTypes(approved, rejected, opened)
                .between(t0.plusSeconds(10), t0.plusSeconds(30)))).containsExactly(b1, a2);
        assertThat(auditLog().find(AuditQuery.oldestFirst(10).ofTypes(approved, rejected, opened)
                .since(t0.plusSeconds(20)))).containsExactly(a2, b2);
        assertThat(auditLog().find(AuditQuery.oldestFirst(10).ofTypes(approved, rejected, opened)
                .before(t0.plusSeconds(10)).by(actor("alice")))).containsExactly(a1);
        assertThat(auditLog().find(AuditQuery.oldestFirst(10).ofTypes(ns + ".nothing.here"))).isEmpty();
    }

    @Test
    void ordersNewestOrOldestFirstAndStopsAtTheLimit() {
        List<AuditEvent> inTimeOrder = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            inTimeOrder.add(event("deploy.finished", actor("ci"), t0.plus(i, ChronoUnit.MICROS), "{\"i\":" + i + "}"));
        }
        List<AuditEvent> shuffled = new ArrayList<>(inTimeOrder);
        Collections.shuffle(shuffled);
        shuffled.forEach(auditLog()::append);
        String type = ns + ".deploy.finished";

        assertThat(auditLog().find(AuditQuery.newestFirst(3).ofTypes(type)))
                .containsExactly(inTimeOrder.get(4), inTimeOrder.get(3), inTimeOrder.get(2));
        assertThat(auditLog().find(AuditQuery.oldestFirst(2).ofTypes(type)))
                .containsExactly(inTimeOrder.get(0), inTimeOrder.get(1));
        assertThat(auditLog().find(AuditQuery.oldestFirst(100).ofTypes(type))).containsExactlyElementsOf(inTimeOrder);
    }

    @Test
    void eventsAtTheSameInstantKeepAppendOrder() {
        AuditEvent first = event("lock.taken", actor("alice"), t0, "{\"n\":1}");
        AuditEvent second = event("lock.taken", actor("bob"), t0, "{\"n\":2}");
        auditLog().append(first);
        auditLog().append(second);

        assertThat(auditLog().find(AuditQuery.oldestFirst(10).ofTypes(first.type()))).containsExactly(first, second);
        assertThat(auditLog().find(AuditQuery.newestFirst(10).ofTypes(first.type()))).containsExactly(second, first);
    }

    @Test
    void concurrentAppendsFromSeveralThreadsAllLand() throws Exception {
        int threads = 8;
        int perThread = 25;
        List<AuditEvent> expected = Collections.synchronizedList(new ArrayList<>());
        runConcurrently(threads, thread -> {
            for (int i = 0; i < perThread; i++) {
                AuditEvent event = event("build.polled", actor("w" + thread),
                        t0.plus(thread * 1000L + i, ChronoUnit.MICROS), "{\"thread\":" + thread + ",\"i\":" + i + "}");
                auditLog().append(event);
                expected.add(event);
            }
        });

        List<AuditEvent> stored = auditLog().find(AuditQuery.oldestFirst(1000).ofTypes(ns + ".build.polled"));

        assertThat(stored).hasSize(threads * perThread).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void theSameEventAppendedByManyThreadsAtOnceIsStoredOnce() throws Exception {
        AuditEvent event = event("reminder.sent", "system:scheduler", t0, "{\"incident\":42}");

        runConcurrently(8, thread -> auditLog().append(event));

        assertThat(auditLog().find(AuditQuery.newestFirst(10).ofTypes(event.type()))).containsExactly(event);
    }

    protected interface ThreadBody {
        void run(int thread) throws Exception;
    }

    /** Starts all threads together (a latch), then fails with the first error any of them threw. */
    protected static void runConcurrently(int threads, ThreadBody body) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Void>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                Callable<Void> task = () -> {
                    start.await();
                    body.run(thread);
                    return null;
                };
                results.add(pool.submit(task));
            }
            start.countDown();
            for (Future<Void> result : results) {
                result.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
