package dev.flightdeck.alarms;

import java.util.List;
import java.util.Optional;

/**
 * The not-OK alarms of one service in some environments, or why they could not be read.
 *
 * @param environments the environments this selector stands for (several when the selector has no {env})
 * @param selector     how the alarms were chosen, for people: "prefix commons-prod-", "tags service=billing"
 */
public record AlarmGroup(String service, List<String> environments, String selector, List<Alarm> alarms,
                         Optional<String> error) {
    public AlarmGroup {
        environments = List.copyOf(environments);
        alarms = List.copyOf(alarms);
    }

    public List<Alarm> firing() {
        return alarms.stream().filter(a -> a.state().firing()).toList();
    }
}
