package dev.flightdeck.persistence.metrics;

import dev.flightdeck.metrics.LeadTimes;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How a delivery_day row keeps its exact figures as text (portable across H2 and PostgreSQL, no arrays):
 * {@code lead_times} is {@code micros} or {@code micros*count}, comma-separated, ascending; {@code success_times} is
 * each success's finish in microseconds since the day's start, comma-separated, ascending.
 */
final class DeliveryDayCodec {

    private DeliveryDayCodec() {
    }

    static LeadTimes leadTimes(String text) {
        return LeadTimes.of(leadTimeCounts(text));
    }

    static TreeMap<Long, Integer> leadTimeCounts(String text) {
        TreeMap<Long, Integer> out = new TreeMap<>();
        if (text == null || text.isEmpty()) {
            return out;
        }
        for (String part : text.split(",")) {
            int star = part.indexOf('*');
            long v = Long.parseLong(star < 0 ? part : part.substring(0, star));
            out.merge(v, star < 0 ? 1 : Integer.parseInt(part.substring(star + 1)), Integer::sum);
        }
        return out;
    }

    static String leadTimesText(Map<Long, Integer> counts) {
        StringBuilder b = new StringBuilder();
        new TreeMap<>(counts).forEach((v, n) -> {
            if (!b.isEmpty()) {
                b.append(',');
            }
            b.append(v);
            if (n != 1) {
                b.append('*').append(n);
            }
        });
        return b.toString();
    }

    static List<Long> offsets(String text) {
        List<Long> out = new ArrayList<>();
        if (text != null && !text.isEmpty()) {
            for (String part : text.split(",")) {
                out.add(Long.parseLong(part));
            }
        }
        return out;
    }

    static String offsetsText(List<Long> sorted) {
        StringBuilder b = new StringBuilder();
        for (Long v : sorted) {
            if (!b.isEmpty()) {
                b.append(',');
            }
            b.append(v);
        }
        return b.toString();
    }

    static List<Instant> instants(Instant dayStart, String text) {
        return offsets(text).stream().map(m -> dayStart.plus(m, ChronoUnit.MICROS)).toList();
    }
}
