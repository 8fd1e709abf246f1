package dev.flightdeck.alarms;

import dev.flightdeck.alarms.AlarmSelector;

import java.util.List;

/** Where alarms live (CloudWatch is the adapter). */
public interface AlarmSource {

    /**
     * The alarms the selector picks (name prefix, or all tags matching) that are not OK, metric and composite,
     * every page read. The selector has {env} already replaced.
     *
     * @throws AlarmSourceException when the alarms can't be read; its message is safe to show
     */
    List<Alarm> notOk(AlarmSelector selector);
}
