package dev.flightdeck.slack.incident;

import dev.flightdeck.deploy.ApproverRef;
import dev.flightdeck.incident.FreezeLiftPolicy;

import java.util.Locale;
import java.util.stream.Collectors;

/** The words for a refused freeze lift: who may lower the severity or resolve, and why. */
public final class FreezeRefusal {

    private FreezeRefusal() {
    }

    /**
     * Mrkdwn for an ephemeral answer. Groups are named by handle, not mentioned: a refusal must not page anyone.
     */
    public static String text(FreezeLiftPolicy.Rejected r) {
        String envs = r.frozen().stream().map(e -> e.toUpperCase(Locale.ROOT)).collect(Collectors.joining(", "));
        String approvers = r.approvers().isEmpty() ? "none configured"
                : r.approvers().stream().map(FreezeRefusal::person).collect(Collectors.joining(", "));
        return ":no_entry: " + r.incidentId() + " (" + r.severity().label() + ") freezes deploys to " + envs
                + ". Only its commander (<@" + r.commanderId() + ">) or an approver of " + envs + " (" + approvers
                + ") may lower its severity below the freeze or resolve it. Nothing changed."
                + (r.unverifiable() ? " (The user groups could not be read just now, so I could not check whether"
                + " you are one of them; try again in a minute.)" : "");
    }

    /** The same, for a form's error line (plain text: forms show no mrkdwn). */
    public static String plain(FreezeLiftPolicy.Rejected r) {
        return text(r).replace(":no_entry: ", "").replaceAll("<@([A-Z0-9]+)>", "@$1");
    }

    private static String person(ApproverRef ref) {
        return ref instanceof ApproverRef.User user ? "<@" + user.userId() + ">" : ref.text();
    }
}
