package dev.flightdeck.alerts;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** The monitors {@code /hooks/alerts/{source}} understands, by the path segment each posts to, and how each is read. */
enum MonitorSource {
    GRAFANA(GrafanaPayload.SOURCE, "Grafana alerting's webhook payload") {
        @Override
        List<Reading> read(String body, Instant received) throws Reading.Malformed {
            return GrafanaPayload.read(body, received);
        }
    },
    NEWRELIC(NewRelicPayload.SOURCE, "a New Relic workflow webhook") {
        @Override
        List<Reading> read(String body, Instant received) throws Reading.Malformed {
            return NewRelicPayload.read(body, received);
        }
    },
    SENTRY(SentryPayload.SOURCE, "a Sentry issue alert webhook") {
        @Override
        List<Reading> read(String body, Instant received) throws Reading.Malformed {
            return SentryPayload.read(body, received);
        }
    };

    private final String path;
    private final String expected;

    MonitorSource(String path, String expected) {
        this.path = path;
        this.expected = expected;
    }

    abstract List<Reading> read(String body, Instant received) throws Reading.Malformed;

    String path() {
        return path;
    }

    String expected() {
        return expected;
    }

    static Optional<MonitorSource> of(String path) {
        return Arrays.stream(values()).filter(s -> s.path.equals(path)).findFirst();
    }

    static String known() {
        return Arrays.stream(values()).map(MonitorSource::path).collect(Collectors.joining(", "));
    }
}
