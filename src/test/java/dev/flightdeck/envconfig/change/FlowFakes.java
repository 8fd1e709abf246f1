package dev.flightdeck.envconfig.change;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Small in-test stand-ins for the four ports other helpers build (the SSM/Secrets Manager writer, the pending value
 * store, the history, the Slack news), recording every call. The writer is strict: it writes only when the version
 * it is given is the one it holds, as the real conditional write does.
 */
final class FlowFakes {

    private FlowFakes() {
    }

    record Write(ConfigTarget target, String expectedVersion, Optional<String> value, Optional<String> kmsKey) {
        @Override
        public String toString() {
            return "Write[" + target.source() + " at v" + expectedVersion + "]"; // never the value
        }
    }

    static final class Writer implements ConfigWriter {
        final List<Write> writes = new ArrayList<>();
        /** The stored version per source, as the store would say; absent: whatever the proposal read. */
        final Map<String, String> versions = new HashMap<>();
        final Map<String, String> movedBy = new HashMap<>();
        final Map<String, String> before = new HashMap<>();
        /** The next write answers this instead (once). */
        final AtomicReference<Result> next = new AtomicReference<>();

        @Override
        public synchronized Result set(ConfigTarget target, String expectedVersion, String value, Optional<String> kmsKey) {
            writes.add(new Write(target, expectedVersion, Optional.of(value), kmsKey));
            return write(target, expectedVersion);
        }

        @Override
        public synchronized Result unset(ConfigTarget target, String expectedVersion) {
            writes.add(new Write(target, expectedVersion, Optional.empty(), Optional.empty()));
            return write(target, expectedVersion);
        }

        private Result write(ConfigTarget target, String expectedVersion) {
            Result forced = next.getAndSet(null);
            if (forced != null) {
                return forced;
            }
            String current = versions.getOrDefault(target.source(), expectedVersion);
            if (!current.equals(expectedVersion)) {
                return new VersionMoved(current, Optional.ofNullable(movedBy.get(target.source())));
            }
            String written = current.matches("\\d+") ? String.valueOf(Integer.parseInt(current) + 1)
                    : current.isEmpty() ? "1" : current + "+1";
            versions.put(target.source(), written);
            return new Written(written);
        }

        @Override
        public Optional<String> valueBefore(ConfigTarget target, String version) {
            return Optional.ofNullable(before.get(target.source() + "@" + version));
        }
    }

    static final class Pending implements PendingValues {
        final Map<Long, String> held = new HashMap<>();
        final Map<Long, Instant> until = new HashMap<>();
        final Set<Long> forgotten = new HashSet<>();
        boolean failHolds;

        @Override
        public synchronized void hold(long changeId, String value, Instant until) {
            if (failHolds) {
                throw new IllegalStateException("the pending store is down");
            }
            held.put(changeId, value);
            this.until.put(changeId, until);
        }

        @Override
        public synchronized Optional<String> read(long changeId, Instant now) {
            Instant by = until.get(changeId);
            return by == null || now.isAfter(by) ? Optional.empty() : Optional.ofNullable(held.get(changeId));
        }

        @Override
        public synchronized void forget(long changeId) {
            held.remove(changeId);
            forgotten.add(changeId);
        }
    }

    static final class History implements ConfigHistory {
        final List<ConfigEvent> events = new ArrayList<>();

        @Override
        public synchronized boolean record(ConfigEvent event) {
            if (known(event.service(), event.environment(), event.key(), event.newVersion())) {
                return false;
            }
            return events.add(event);
        }

        @Override
        public synchronized boolean known(String service, String environment, String key, String version) {
            return events.stream().anyMatch(e -> e.service().equals(service) && e.environment().equals(environment)
                    && e.key().equals(key) && e.newVersion().equals(version));
        }

        @Override
        public synchronized boolean baseline(ConfigEvent event) {
            return record(event);
        }

        @Override
        public synchronized List<ConfigEvent> latestPerKey(String service, String environment) {
            java.util.Map<String, ConfigEvent> last = new java.util.TreeMap<>();
            events.stream().filter(e -> e.service().equals(service) && e.environment().equals(environment))
                    .forEach(e -> last.put(e.key(), e));
            return List.copyOf(last.values());
        }

        @Override
        public synchronized Optional<ConfigEvent> latest(String service, String environment, String key) {
            ConfigEvent last = null;
            for (ConfigEvent e : events) {
                if (e.service().equals(service) && e.environment().equals(environment) && e.key().equals(key)) {
                    last = e;
                }
            }
            return Optional.ofNullable(last);
        }

        @Override
        public synchronized List<ConfigEvent> since(String service, String environment, Instant since, int limit) {
            return events.stream().filter(e -> e.service().equals(service) && e.environment().equals(environment)
                    && !e.at().isBefore(since)).limit(limit).toList();
        }

    }

    record Told(ConfigChange change, ChangeNews news) {
    }

    static final class News implements ConfigChangeNews {
        final List<ConfigChange> posts = new ArrayList<>();
        final List<Told> told = new ArrayList<>();
        boolean channelGone;
        private int ts;

        @Override
        public synchronized Optional<ConfigChange.Message> post(ConfigChange change) {
            posts.add(change);
            return channelGone ? Optional.empty()
                    : Optional.of(new ConfigChange.Message("C0DEPLOYS", "1700000000.0" + (++ts)));
        }

        @Override
        public synchronized void changed(ConfigChange change, ChangeNews news) {
            told.add(new Told(change, news));
        }

        synchronized List<ChangeNews> about(long id) {
            return told.stream().filter(t -> t.change().id() == id).map(Told::news).toList();
        }
    }
}
