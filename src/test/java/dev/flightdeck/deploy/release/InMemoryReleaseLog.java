package dev.flightdeck.deploy.release;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** {@link ReleaseLog} in a map, keyed as the table is: repository without case, release id, service. */
final class InMemoryReleaseLog implements ReleaseLog {

    private final Map<String, Long> rows = new ConcurrentHashMap<>();

    private static String key(String repository, long releaseId, String service) {
        return repository.toLowerCase(Locale.ROOT) + "|" + releaseId + "|" + service;
    }

    @Override
    public Optional<Long> requestFor(String repository, long releaseId, String service) {
        return Optional.ofNullable(rows.get(key(repository, releaseId, service)));
    }

    @Override
    public void record(String repository, long releaseId, String service, String tag, long requestId) {
        if (rows.putIfAbsent(key(repository, releaseId, service), requestId) != null) {
            throw new AlreadyRecorded(repository, releaseId, service);
        }
    }

    @Override
    public void forget(String repository, long releaseId, String service, long requestId) {
        rows.remove(key(repository, releaseId, service), requestId);
    }
}
