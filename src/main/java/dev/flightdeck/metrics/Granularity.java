package dev.flightdeck.metrics;

/** How the time series is cut: per day up to {@link #DAILY_UP_TO_DAYS} days, per week (7 days from the start) beyond. */
public enum Granularity {
    DAY(1), WEEK(7);

    public static final int DAILY_UP_TO_DAYS = 31;

    private final int days;

    Granularity(int days) {
        this.days = days;
    }

    public int days() {
        return days;
    }

    public static Granularity forPeriod(MetricsPeriod period) {
        return period.days() <= DAILY_UP_TO_DAYS ? DAY : WEEK;
    }
}
