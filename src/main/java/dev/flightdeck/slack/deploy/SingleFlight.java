package dev.flightdeck.slack.deploy;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;

/**
 * Callers asking the same question at once share one answer: the first one asks, the others wait for its answer (or
 * its failure) instead of asking again. For lookups whose answer is cached anyway, so a cold cache under a burst of
 * requests makes one call to Slack, not one per request.
 */
final class SingleFlight<K, V> {

    interface Work<V> {
        V get() throws Exception;
    }

    private final Map<K, CompletableFuture<V>> running = new ConcurrentHashMap<>();

    V get(K key, Work<V> work) throws Exception {
        CompletableFuture<V> mine = new CompletableFuture<>();
        CompletableFuture<V> theirs = running.putIfAbsent(key, mine);
        if (theirs != null) {
            try {
                return theirs.get();
            } catch (ExecutionException e) {
                throw e.getCause() instanceof Exception cause ? cause : e;
            }
        }
        try {
            V value = work.get();
            mine.complete(value);
            return value;
        } catch (Exception | Error e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            running.remove(key, mine);
        }
    }
}
