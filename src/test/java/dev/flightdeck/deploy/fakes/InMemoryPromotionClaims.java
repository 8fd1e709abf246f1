package dev.flightdeck.deploy.fakes;

import dev.flightdeck.deploy.PromotionClaims;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** {@link PromotionClaims} in memory, with the table's rules: first claim wins, a finished or stale one is taken over. */
public final class InMemoryPromotionClaims implements PromotionClaims {

    private record Row(String token, Claim claim) {
    }

    private final Map<Key, Row> rows = new HashMap<>();

    @Override
    public synchronized boolean claim(Key key, String token, String by, Instant at, Instant staleBefore) {
        Row row = rows.get(key);
        if (row == null || row.claim().deployId() != null || row.claim().claimedAt().isBefore(staleBefore)) {
            rows.put(key, new Row(token, new Claim(by, at, null)));
            return true;
        }
        return false;
    }

    @Override
    public synchronized void opened(Key key, String token, long deployId) {
        Row row = rows.get(key);
        if (row != null && row.token().equals(token)) {
            rows.put(key, new Row(token, new Claim(row.claim().claimedBy(), row.claim().claimedAt(), deployId)));
        }
    }

    @Override
    public synchronized void release(Key key, String token) {
        Row row = rows.get(key);
        if (row != null && row.token().equals(token)) {
            rows.remove(key);
        }
    }

    @Override
    public synchronized Optional<Claim> find(Key key) {
        return Optional.ofNullable(rows.get(key)).map(Row::claim);
    }
}
