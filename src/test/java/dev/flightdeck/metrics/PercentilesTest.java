package dev.flightdeck.metrics;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The percentile a report shows of raw lead times together with rolled-up days is found by counting (bisecting the
 * values), never by merging the days: it must be the very value the sorted list of every lead time gives.
 */
class PercentilesTest {

    @Test
    void countingAcrossDaysGivesTheValueOfTheWholeSortedList() {
        Random random = new Random(7);
        int compared = 0;
        for (int round = 0; round < 300; round++) {
            List<Duration> all = new ArrayList<>();
            List<LeadTimes> days = new ArrayList<>();
            for (int d = random.nextInt(6); d > 0; d--) {
                Map<Long, Integer> day = new HashMap<>();
                for (int k = random.nextInt(30); k > 0; k--) {
                    // Whole minutes often (many equal values), sometimes to the microsecond, now and then 0 or huge.
                    long micros = switch (random.nextInt(4)) {
                        case 0 -> (10 + random.nextInt(50)) * 60_000_000L;
                        case 1 -> random.nextInt(3) == 0 ? 0 : 400L * 24 * 3_600_000_000L;
                        default -> random.nextLong(30L * 3_600_000_000L);
                    };
                    day.merge(micros, 1, Integer::sum);
                    all.add(Duration.ofNanos(micros * 1000));
                }
                days.add(LeadTimes.of(day));
            }
            // Raw lead times may carry nanoseconds (hand-built facts); rolled-up ones are microseconds.
            long[] raw = random.longs(random.nextInt(5), 0, 5_000_000_000_000L).sorted().toArray();
            for (long n : raw) {
                all.add(Duration.ofNanos(n));
            }
            for (double p : new double[] {0.5, 0.9, 0.01, 1.0}) {
                assertThat(Percentiles.of(raw, days, p)).as("round %d, p %s", round, p).isEqualTo(Percentiles.of(all, p));
                compared++;
            }
        }
        assertThat(compared).isEqualTo(1200);
    }

    @Test
    void noValuesNoPercentile() {
        assertThat(Percentiles.of(new long[0], List.of(LeadTimes.NONE), 0.5)).isEmpty();
        assertThat(Percentiles.ofNanos(new long[0], 0, 0.5)).isEmpty();
    }

    @Test
    void aLeadTimesCountsWhatIsAtMostAValue() {
        LeadTimes l = LeadTimes.of(Map.of(5L, 2, 9L, 1, 20L, 4));
        assertThat(List.of(l.atMost(4), l.atMost(5), l.atMost(8), l.atMost(9), l.atMost(20), l.atMost(99)))
                .containsExactly(0L, 2L, 2L, 3L, 7L, 7L);
        assertThat(l.size()).isEqualTo(7);
        assertThat(l.count(2)).isEqualTo(4);
    }
}
