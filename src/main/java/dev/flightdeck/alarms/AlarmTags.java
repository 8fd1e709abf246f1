package dev.flightdeck.alarms;

import java.util.Map;

/**
 * An alarm's tags (port; CloudWatch {@code ListTagsForResource} is the adapter): the services' tag selectors match
 * on them, and a {@code runbook} tag is the alarm's own runbook.
 */
public interface AlarmTags {

    /** The tag the alarm's own runbook link is kept in. */
    String RUNBOOK = "runbook";

    /**
     * @throws AlarmSourceException when the tags cannot be read; its message is safe to show
     */
    Map<String, String> of(String alarmArn);
}
