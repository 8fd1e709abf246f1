package dev.flightdeck.slack.deploy.slots;

import dev.flightdeck.deploy.slots.SlotCheckWords;
import dev.flightdeck.text.Mrkdwn;
import dev.flightdeck.text.UtcTime;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.Locale;

/** The slot check's findings in mrkdwn (stored with the request, shown in its message and on its page). */
@Singleton
public class SlackSlotCheckWords implements SlotCheckWords {

    @Override
    public String free(String slot) {
        return "nobody holds " + up(slot) + " (`/deploy claim " + slot + "` to hold it)";
    }

    @Override
    public String yours(String slot, Instant until) {
        return "the requester holds " + up(slot) + " until " + UtcTime.format(until);
    }

    @Override
    public String heldBy(String slot, String holderId, Instant until, String purpose) {
        return up(slot) + " is held by <@" + holderId + "> until " + UtcTime.format(until)
                + (purpose == null ? "" : " (" + Mrkdwn.escape(purpose) + ")")
                + "; the holder can let this deploy through with Override, or an approver can";
    }

    private static String up(String slot) {
        return slot.toUpperCase(Locale.ROOT);
    }
}
