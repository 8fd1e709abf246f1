package dev.flightdeck.alarms;

/**
 * What reading one service's SLO in one environment gave: its budget, no events at all to judge by (not the same
 * as a spent budget), or the metrics could not be read. {@code slo} has {env} replaced.
 */
public sealed interface SloReading {

    String service();

    String environment();

    SloSettings slo();

    record Measured(String service, String environment, SloSettings slo, ErrorBudget budget) implements SloReading {
    }

    /** The total metric had no data points in the window: nothing counted, so no budget either way. */
    record NoData(String service, String environment, SloSettings slo) implements SloReading {
    }

    /** @param reason why, safe to show (e.g. "CloudWatch: AWS did not answer in time") */
    record Unreadable(String service, String environment, SloSettings slo, String reason) implements SloReading {
    }
}
