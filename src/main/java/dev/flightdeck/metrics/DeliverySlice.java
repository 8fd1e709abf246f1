package dev.flightdeck.metrics;

import dev.flightdeck.metrics.DeliveryHistory.DeployFact;

import java.util.List;

/**
 * What a report reads of the finished deploys of one period, in the counted environments: rolled-up {@code days}
 * (only whole UTC days inside the period) and the raw {@code finished} deploys the days do not hold (the period's cut
 * first and last day, and deploys finished too recently to be rolled up yet). Each deploy is in exactly one of the two.
 */
public record DeliverySlice(List<DeliveryDay> days, List<DeployFact> finished) {

    public DeliverySlice {
        days = List.copyOf(days);
        finished = List.copyOf(finished);
    }
}
