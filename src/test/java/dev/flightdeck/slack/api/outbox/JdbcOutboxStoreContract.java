package dev.flightdeck.slack.api.outbox;

import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The outbox store on a real database (subclasses: H2 in PostgreSQL mode, PostgreSQL): keyed inserts are idempotent,
 * a claim needs the entry due, unclaimed (or its lease over) and first of its ordering key, and every later write
 * needs the claim's token.
 */
abstract class JdbcOutboxStoreContract {

    /** The worker's timer would send (or expire) what the tests queue: off. */
    static final Map<String, String> NO_TIMERS = Map.of("flightdeck.outbox.interval", "1h");

    @Inject
    OutboxStore store;

    final String ns = UUID.randomUUID().toString().substring(0, 8);
    final Instant t0 = Instant.parse("2026-03-02T10:00:00Z");

    OutboxEntry queue(String key, String orderingKey, Instant at) {
        return store.enqueue(new OutboxEntry.New(ns + key, ns + orderingKey, OutboxEntry.Method.POST, "C0DEPLOYS1",
                null, null, "{\"text\":\"" + key + "\"}", null, at, at.plus(Duration.ofHours(6))));
    }

    @Test
    void theStoreIsTheJdbcAdapter() {
        assertThat(store).isInstanceOf(JdbcOutboxStore.class);
    }

    @Test
    void queuingTheSameMessageKeyTwiceKeepsTheFirst() {
        OutboxEntry first = queue("go", "deploy:1", t0);
        OutboxEntry again = store.enqueue(new OutboxEntry.New(ns + "go", ns + "deploy:1", OutboxEntry.Method.POST,
                "C0OTHER001", null, null, "{\"text\":\"other\"}", null, t0.plusSeconds(5), t0.plusSeconds(3600)));
        assertThat(again.id()).isEqualTo(first.id());
        assertThat(again.payload()).contains("go");
        assertThat(again.state()).isEqualTo(OutboxEntry.State.PENDING);
        assertThat(again.createdAt()).isEqualTo(t0);
    }

    @Test
    void onlyTheOldestPendingEntryOfAKeyIsDueAndClaimable() {
        OutboxEntry a = queue("a", "incident:7", t0);
        OutboxEntry b = queue("b", "incident:7", t0);
        OutboxEntry other = queue("c", "incident:8", t0);
        assertThat(store.dueHeads(t0, 1000)).extracting(OutboxEntry::id).contains(a.id(), other.id()).doesNotContain(b.id());
        assertThat(store.claim(b, t0, t0.plusSeconds(600), "tb")).as("b waits for a").isFalse();
        assertThat(store.claim(a, t0, t0.plusSeconds(600), "ta")).isTrue();
        assertThat(store.claim(a, t0, t0.plusSeconds(600), "tx")).as("a second claimer").isFalse();
        assertThat(store.dueHead(ns + "incident:7", t0)).as("claimed: nothing due").isEmpty();

        assertThat(store.markSent(a.id(), "wrong", t0, "C0DEPLOYS1", "1.1")).isFalse();
        assertThat(store.markSent(a.id(), "ta", t0, "C0DEPLOYS1", "1700000000.000100")).isTrue();
        OutboxEntry sent = store.find(a.id()).orElseThrow();
        assertThat(sent.state()).isEqualTo(OutboxEntry.State.SENT);
        assertThat(sent.sentTs()).isEqualTo("1700000000.000100");
        assertThat(sent.attempts()).isEqualTo(1);
        assertThat(store.dueHead(ns + "incident:7", t0)).map(OutboxEntry::id).contains(b.id());
        assertThat(store.claim(b, t0, t0.plusSeconds(600), "tb")).isTrue();
    }

    @Test
    void theNextDueTimeIsTheEarliestHeadsNextTryOrTheEndOfItsClaim() {
        Instant early = Instant.parse("2001-02-03T04:05:06Z");
        OutboxEntry head = queue("early-head", "due:1", early.plusSeconds(10));
        OutboxEntry behind = queue("early-behind", "due:1", early);
        assertThat(store.nextDue()).as("the entry behind the head waits for it").contains(early.plusSeconds(10));
        assertThat(store.claim(head, early.plusSeconds(10), early.plusSeconds(70), "th")).isTrue();
        assertThat(store.nextDue()).as("claimed: due again when its lease ends").contains(early.plusSeconds(70));
        assertThat(store.markSent(head.id(), "th", early.plusSeconds(20), "C0DEPLOYS1", "1700000000.000300")).isTrue();
        assertThat(store.nextDue()).as("the next of its key is the head now").contains(early);
        assertThat(store.claim(behind, early, early.plusSeconds(60), "tb")).isTrue();
        assertThat(store.markSent(behind.id(), "tb", early, "C0DEPLOYS1", "1700000000.000400")).isTrue();
        assertThat(store.nextDue()).isNotEqualTo(Optional.of(early));
    }

    @Test
    void aLeaseThatRanOutCanBeClaimedAgainAndTheOldClaimantCanNoLongerWrite() {
        OutboxEntry a = queue("lease", "deploy:2", t0);
        assertThat(store.claim(a, t0, t0.plusSeconds(600), "dead")).isTrue();
        assertThat(store.claim(a, t0.plusSeconds(599), t0.plusSeconds(1200), "next")).isFalse();
        assertThat(store.claim(a, t0.plusSeconds(600), t0.plusSeconds(1200), "next")).isTrue();
        assertThat(store.retryLater(a.id(), "dead", t0.plusSeconds(700), true, "late")).isFalse();
        assertThat(store.retryLater(a.id(), "next", t0.plusSeconds(700), true, "Slack said http_503")).isTrue();
        OutboxEntry waiting = store.find(a.id()).orElseThrow();
        assertThat(waiting.attempts()).isEqualTo(1);
        assertThat(waiting.lastError()).isEqualTo("Slack said http_503");
        assertThat(store.dueHead(ns + "deploy:2", t0.plusSeconds(699))).isEmpty();
        assertThat(store.dueHead(ns + "deploy:2", t0.plusSeconds(700))).isPresent();
    }

    @Test
    void givenUpEntriesLeaveTheBacklogAndAreListedNewestFirst() {
        Instant at = t0.plusSeconds(3600 * 24 * 400L + 1); // past the other tests' entries
        OutboxEntry a = queue("expired", "build:x", at);
        OutboxEntry b = queue("refused", "build:y", at);
        long pending = store.backlog().pending();
        assertThat(store.claim(a, at, at.plusSeconds(60), "t1")).isTrue();
        assertThat(store.giveUp(a.id(), "t1", OutboxEntry.State.EXPIRED, at.plusSeconds(1), "not delivered within PT6H")).isTrue();
        assertThat(store.claim(b, at, at.plusSeconds(60), "t2")).isTrue();
        assertThat(store.giveUp(b.id(), "t2", OutboxEntry.State.FAILED, at.plusSeconds(2), "Slack said channel_not_found")).isTrue();
        assertThat(store.backlog().pending()).isEqualTo(pending - 2);
        assertThat(store.givenUpSince(at, 10)).extracting(OutboxEntry::messageKey).containsExactly(ns + "refused", ns + "expired");
        assertThat(store.find(b.id()).orElseThrow().state()).isEqualTo(OutboxEntry.State.FAILED);
        assertThat(store.dueHead(ns + "build:y", at.plusSeconds(3))).isEmpty();
    }

    @Test
    void theBacklogKnowsItsOldestEntry() {
        Instant early = t0.minusSeconds(3600 * 24 * 365L);
        queue("old", "deploy:3", early);
        OutboxStore.Backlog backlog = store.backlog();
        assertThat(backlog.pending()).isPositive();
        assertThat(backlog.oldestCreatedAt()).isPresent();
        assertThat(backlog.oldestCreatedAt().get()).isBeforeOrEqualTo(early);
    }
}
