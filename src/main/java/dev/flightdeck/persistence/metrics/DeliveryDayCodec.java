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

    /**
     * Parsed in place, without splitting or boxing (a year of twenty teams' all-services days is most of what a
     * report reads); text not strictly ascending (never written so) goes the general way.
     */
    static LeadTimes leadTimes(String text) {
        if (text == null || text.isEmpty()) {
            return LeadTimes.NONE;
        }
        int parts = 1;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == ',') {
                parts++;
            }
        }
        long[] micros = new long[parts];
        int[] counts = new int[parts];
        int n = 0;
        int at = 0;
        while (at <= text.length()) {
            int comma = text.indexOf(',', at);
            int end = comma < 0 ? text.length() : comma;
            int star = at;
            while (star < end && text.charAt(star) != '*') {
                star++;
            }
            boolean counted = star < end;
            micros[n] = Long.parseLong(text, at, counted ? star : end, 10);
            counts[n] = counted ? Integer.parseInt(text, star + 1, end, 10) : 1;
            if (n > 0 && micros[n] <= micros[n - 1]) {
                return LeadTimes.of(leadTimeCounts(text));
            }
            n++;
            at = end + 1;
        }
        return LeadTimes.ofAscending(micros, counts, n);
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
