package dev.flightdeck.deploy.ships;

import dev.flightdeck.team.RepoRef;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Comparisons asked of the code host, kept per (repository, base, head) so the go/no-go message, redrawn on every
 * click, and the deploy page never call it again for the same pair while the answer is fresh.
 *
 * <p>Keyed by the names as requested, not by resolved shas: resolving a tag would itself be a call per redraw. A tag
 * can be moved, so an answer is fresh for {@link #FRESH} (a failure for {@link #FAILED_FRESH}, so a GitHub that comes
 * back is read again soon). One call per pair is in flight at a time; whoever waits, waits at most {@code wait},
 * and an answer that comes late is kept for the next redraw.
 */
final class Comparisons {

    static final Duration FRESH = Duration.ofMinutes(10);
    static final Duration FAILED_FRESH = Duration.ofMinutes(1);
    static final int MAX_ENTRIES = 500;
    static final int SHOWN = 10;

    private record Key(String repo, String base, String head) {
    }

    private record Entry(CompletableFuture<Ships> answer, Instant at) {
    }

    private final CodeHistory history;
    private final Clock clock;
    private final Duration wait;
    private final Executor executor;
    private final Map<Key, Entry> entries = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Entry> eldest) {
            return size() > MAX_ENTRIES;
        }
    };

    Comparisons(CodeHistory history, Clock clock, Duration wait, Executor executor) {
        this.history = history;
        this.clock = clock;
        this.wait = wait;
        this.executor = executor;
    }

    Ships compare(RepoRef repo, String base, String head) {
        CompletableFuture<Ships> answer = entry(repo, base, head).answer();
        try {
            return answer.get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return new Ships.TimedOut(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Ships.TimedOut(wait);
        } catch (ExecutionException e) {
            return new Ships.Unreadable(String.valueOf(e.getCause()));
        }
    }

    private synchronized Entry entry(RepoRef repo, String base, String head) {
        Key key = new Key(repo.fullName(), base, head);
        Instant now = clock.instant();
        Entry e = entries.get(key);
        if (e == null || stale(e, now)) {
            e = new Entry(CompletableFuture.supplyAsync(() -> ask(repo, base, head), executor), now);
            entries.put(key, e);
        }
        return e;
    }

    private static boolean stale(Entry e, Instant now) {
        if (!e.answer().isDone()) {
            return false;
        }
        Duration fresh = e.answer().getNow(null) instanceof Ships.Unreadable ? FAILED_FRESH : FRESH;
        return !now.isBefore(e.at().plus(fresh));
    }

    private Ships ask(RepoRef repo, String base, String head) {
        CodeHistory.Comparison c;
        try {
            c = history.compare(repo, base, head);
        } catch (CodeHistory.Unreadable e) {
            return new Ships.Unreadable(e.getMessage());
        } catch (RuntimeException e) {
            return new Ships.Unreadable("unexpected " + e.getClass().getSimpleName());
        }
        if (c.aheadBy() == 0 && c.behindBy() == 0) {
            return new Ships.NothingNew(base);
        }
        if (c.aheadBy() == 0) {
            return new Ships.Rollback(base, c.behindBy(), c.compareUrl());
        }
        return new Ships.Commits(base, c.aheadBy(), c.commits().stream().limit(SHOWN)
                .map(x -> ShippedCommit.of(x, c.repoWebUrl())).toList(), c.behindBy(), c.compareUrl());
    }
}
