package dev.flightdeck.alarms;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.util.Locale;
import java.util.OptionalDouble;

/** Error-budget numbers written for people, the same in the gate's reason and in {@code /deploy slo}. */
public final class SloFigures {

    private SloFigures() {
    }

    /** 0.4 → "40%", 0.9995 → "99.95%", -0.25 → "-25%": at most two decimals, none when whole. */
    public static String percent(double share) {
        BigDecimal p = BigDecimal.valueOf(share * 100).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros();
        return (p.scale() < 0 ? p.setScale(0) : p).toPlainString() + "%";
    }

    /** 2.345 → "2.3×"; empty → "no traffic". */
    public static String burn(OptionalDouble rate) {
        if (rate.isEmpty()) {
            return "no traffic";
        }
        return BigDecimal.valueOf(rate.getAsDouble()).setScale(1, RoundingMode.HALF_UP).toPlainString() + "×";
    }

    /** A count of events: 1600.0 → "1,600". */
    public static String count(double n) {
        return NumberFormat.getIntegerInstance(Locale.ENGLISH).format(Math.round(n));
    }

    /** Minutes of full outage: 16.13 → "16 min", 135 → "2 h 15 min", below one → "under a minute". */
    public static String minutes(double minutes) {
        long m = Math.round(Math.abs(minutes));
        if (m == 0) {
            return "under a minute";
        }
        return m < 60 ? m + " min" : m / 60 + " h" + (m % 60 == 0 ? "" : " " + m % 60 + " min");
    }

    /** "99.9% over 28d". */
    public static String objective(SloSettings slo) {
        return percent(slo.objective()) + " over " + dev.flightdeck.text.Durations.format(slo.window());
    }

    /** "Shop/Requests Total (Environment=prod)". */
    public static String metric(MetricRef m) {
        String dims = m.dimensions().isEmpty() ? "" : m.dimensions().entrySet().stream()
                .map(d -> d.getKey() + "=" + d.getValue()).collect(java.util.stream.Collectors.joining(", ", " (", ")"));
        return m.namespace() + " " + m.metric() + dims;
    }
}
