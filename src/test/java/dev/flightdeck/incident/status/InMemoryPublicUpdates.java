package dev.flightdeck.incident.status;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** {@link PublicUpdates} in a list: one summary per incident, as the database keeps it. */
final class InMemoryPublicUpdates implements PublicUpdates {

    private final List<PublicUpdate> rows = new ArrayList<>();

    @Override
    public synchronized Optional<PublicUpdate> add(PublicUpdate.New u) {
        if (u.kind() == PublicUpdate.Kind.SUMMARY && rows.stream().anyMatch(r -> r.incidentNumber() == u.incidentNumber()
                && r.kind() == PublicUpdate.Kind.SUMMARY)) {
            return Optional.empty();
        }
        PublicUpdate row = new PublicUpdate(rows.size() + 1, u.incidentNumber(), u.kind(), u.status(), u.body(), u.at());
        rows.add(row);
        return Optional.of(row);
    }

    @Override
    public synchronized List<PublicUpdate> of(Collection<Long> incidentNumbers) {
        return rows.stream().filter(r -> incidentNumbers.contains(r.incidentNumber()))
                .sorted(Comparator.comparing(PublicUpdate::at).thenComparing(PublicUpdate::id).reversed()).toList();
    }

    synchronized List<PublicUpdate> all() {
        return List.copyOf(rows);
    }
}
