package dev.flightdeck.persistence.metrics;

import dev.flightdeck.metrics.LeadTimes;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/** A delivery_day row's lead times read back exactly as written, through the in-place parse. */
class DeliveryDayCodecTest {

    @Test
    void leadTimesReadBackAsWritten() {
        Random random = new Random(3);
        for (int round = 0; round < 200; round++) {
            Map<Long, Integer> counts = new TreeMap<>();
            for (int k = random.nextInt(40); k > 0; k--) {
                counts.merge(random.nextInt(3) == 0 ? random.nextLong(1L << 50) : 60_000_000L * random.nextInt(60),
                        1 + (random.nextInt(4) == 0 ? random.nextInt(500) : 0), Integer::sum);
            }
            String text = DeliveryDayCodec.leadTimesText(counts);
            assertThat(DeliveryDayCodec.leadTimes(text)).as(text).isEqualTo(LeadTimes.of(counts));
        }
        assertThat(DeliveryDayCodec.leadTimes("600000000,600123456*3,3000000000"))
                .isEqualTo(LeadTimes.of(Map.of(600_000_000L, 1, 600_123_456L, 3, 3_000_000_000L, 1)));
        assertThat(DeliveryDayCodec.leadTimes("")).isEqualTo(LeadTimes.NONE);
        assertThat(DeliveryDayCodec.leadTimes(null)).isEqualTo(LeadTimes.NONE);
    }

    @Test
    void textOutOfOrderIsStillReadExactly() {
        assertThat(DeliveryDayCodec.leadTimes("9*2,5,9")).isEqualTo(LeadTimes.of(Map.of(5L, 1, 9L, 3)));
    }
}
