package dev.flightdeck.persistence.deploy;

import dev.flightdeck.deploy.DeployRepository;
import dev.flightdeck.deploy.DeployRequest;
import dev.flightdeck.deploy.DeployRequests;
import dev.flightdeck.deploy.DeployTransactions;
import dev.flightdeck.deploy.release.ReleaseLog;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The release log on H2 and on PostgreSQL: a release opens one request per service, and the record is written in the
 * request's own transaction, so the loser of a race stores no request at all.
 */
abstract class ReleaseLogContract {

    @Inject
    ReleaseLog log;
    @Inject
    DeployRepository repository;
    @Inject
    DeployTransactions transactions;

    final Instant t0 = Instant.parse("2026-03-02T10:00:00Z");

    DeployRequest newRequest(String service) {
        return DeployRequests.aProdRequest().of(service).version("0.0.1").by("github:octocat").runner("U0DEV")
                .requestedAt(t0).expiresAt(t0.plusSeconds(3600)).build();
    }

    static String unique() {
        return "svc-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static long releaseId() {
        return ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE);
    }

    /** What ReleaseRequests does: the request and its release's record in one transaction. */
    DeployRequest open(String repo, long release, String service) {
        return transactions.inTransaction(() -> {
            DeployRequest r = repository.insert(newRequest(service), List.of());
            log.record(repo, release, service, "v0.0.1", r.id());
            return r;
        });
    }

    @Test
    void aRecordedReleaseIsFoundByRepositoryWithoutCaseAndByService() {
        String service = unique();
        long release = releaseId();
        DeployRequest r = open("Codertocat/Hello-World", release, service);

        assertThat(log.requestFor("codertocat/hello-world", release, service)).contains(r.id());
        assertThat(log.requestFor("CODERTOCAT/HELLO-WORLD", release, service)).contains(r.id());
        assertThat(log.requestFor("Codertocat/Hello-World", release, "other")).isEmpty();
        assertThat(log.requestFor("Codertocat/Hello-World", release + 1, service)).isEmpty();
        // A github:<login> requester (up to 39 characters) fits where Slack user ids went.
        assertThat(repository.find(r.id()).orElseThrow().requesterId()).isEqualTo("github:octocat");
    }

    @Test
    void aSecondRecordOfTheSameReleaseFailsAndRollsItsRequestBack() {
        String service = unique();
        long release = releaseId();
        DeployRequest first = open("acme/commons", release, service);
        long[] second = new long[1];

        assertThatThrownBy(() -> transactions.inTransaction(() -> {
            DeployRequest r = repository.insert(newRequest(service), List.of());
            second[0] = r.id();
            log.record("ACME/commons", release, service, "v0.0.1", r.id());
            return r;
        })).isInstanceOf(ReleaseLog.AlreadyRecorded.class);

        assertThat(repository.find(second[0])).isEmpty();
        assertThat(repository.history(service, Optional.empty(), 10)).extracting(DeployRequest::id)
                .containsExactly(first.id());
        assertThat(log.requestFor("acme/commons", release, service)).contains(first.id());
    }

    @Test
    void twoDeliveriesRacingStoreOneRequest() throws Exception {
        String service = unique();
        long release = releaseId();
        CountDownLatch firstWrote = new CountDownLatch(1);
        CountDownLatch secondStarting = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            // The first delivery has written its request and record and not committed when the second one starts;
            // whether the second one's insert then waits for the commit or comes after it, one request is stored.
            Future<DeployRequest> a = pool.submit(() -> transactions.inTransaction(() -> {
                DeployRequest r = repository.insert(newRequest(service), List.of());
                log.record("acme/commons", release, service, "v0.0.1", r.id());
                firstWrote.countDown();
                await(secondStarting);
                return r;
            }));
            Future<Object> b = pool.submit(() -> {
                await(firstWrote);
                secondStarting.countDown();
                try {
                    return open("acme/commons", release, service);
                } catch (RuntimeException e) {
                    return e;
                }
            });
            DeployRequest winner = a.get(30, TimeUnit.SECONDS);
            Object loser = b.get(30, TimeUnit.SECONDS);

            assertThat(loser).isInstanceOf(RuntimeException.class);
            assertThat(repository.history(service, Optional.empty(), 10)).extracting(DeployRequest::id)
                    .containsExactly(winner.id());
            assertThat(log.requestFor("acme/commons", release, service)).contains(winner.id());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void forgettingARequestLetsTheReleaseOpenAgain() {
        String service = unique();
        long release = releaseId();
        DeployRequest r = open("acme/commons", release, service);

        log.forget("acme/commons", release, service, r.id() + 1000);
        assertThat(log.requestFor("acme/commons", release, service)).contains(r.id());
        log.forget("Acme/Commons", release, service, r.id());
        assertThat(log.requestFor("acme/commons", release, service)).isEmpty();
        DeployRequest again = open("acme/commons", release, service);
        assertThat(log.requestFor("acme/commons", release, service)).contains(again.id());
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
