package dev.flightdeck.incident.followup;

import dev.flightdeck.incident.Incident;
import dev.flightdeck.incident.PreventionDraft;
import dev.flightdeck.people.NameBook;
import jakarta.inject.Singleton;

import java.util.stream.Collectors;

/** The resolve form's fourth part, pre-filled with the incident's follow-ups: one line each, won't-dos left out. */
@Singleton
public class FollowUpPrevention implements PreventionDraft {

    private final FollowUpStore store;

    public FollowUpPrevention(FollowUpStore store) {
        this.store = store;
    }

    @Override
    public String prevention(Incident incident) {
        return store.ofIncident(incident.number()).stream().filter(f -> f.state() != FollowUpState.WONT_DO)
                .map(FollowUpPrevention::line).collect(Collectors.joining("\n"));
    }

    static String line(FollowUp f) {
        return "- " + f.text() + " (" + NameBook.mention(f.owner()) + ", due " + f.due()
                + (f.isOpen() ? "" : ", " + f.state().label())
                + f.export().url().map(u -> ", " + u).orElse("") + ")";
    }
}
