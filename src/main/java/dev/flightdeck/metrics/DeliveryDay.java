package dev.flightdeck.metrics;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * One UTC day's finished deploys in one environment, rolled up: of one service, or of every service together
 * ({@code service} empty). Counts only SUCCEEDED and FAILED deploys by {@code finished_at}, the way
 * {@link DeliveryFigures} does.
 *
 * @param leadTimes the successes' lead times, exactly
 * @param successes the successes' finish times, ascending (one service's day only; empty for every service together):
 *                  what "followed by a rollback or an incident" is worked out from, for the few services that had one
 */
public record DeliveryDay(LocalDate day, String environment, Optional<String> service, int succeeded, int failed,
                          LeadTimes leadTimes, List<Instant> successes) {

    public DeliveryDay {
        successes = List.copyOf(successes);
    }

    public Instant start() {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant();
    }
}
