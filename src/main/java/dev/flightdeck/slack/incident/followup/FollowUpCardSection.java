package dev.flightdeck.slack.incident.followup;

import com.slack.api.model.block.LayoutBlock;
import dev.flightdeck.incident.Incident;
import dev.flightdeck.incident.followup.FollowUps;
import dev.flightdeck.slack.incident.IncidentCardSection;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;

import java.util.List;

/** The card's "Follow-ups" section: each with owner, due date, state and its issue. */
@Singleton
public class FollowUpCardSection implements IncidentCardSection {

    private final Provider<FollowUps> followUps;

    public FollowUpCardSection(Provider<FollowUps> followUps) {
        this.followUps = followUps;
    }

    @Override
    public List<LayoutBlock> blocks(Incident incident) {
        FollowUps f = followUps.get();
        return FollowUpWords.cardSection(f.ofIncident(incident.number()), f.today());
    }
}
