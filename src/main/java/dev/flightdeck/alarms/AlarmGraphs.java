package dev.flightdeck.alarms;

import java.util.Optional;

/**
 * A picture of a metric's last 3 hours (port; CloudWatch {@code GetMetricWidgetImage} is the adapter), with the
 * alarm's threshold drawn. Empty when it cannot be had, for any reason: the message then says nothing of it.
 */
public interface AlarmGraphs {

    Optional<byte[]> last3Hours(MetricRef metric, String alarmName, Optional<Double> threshold);
}
