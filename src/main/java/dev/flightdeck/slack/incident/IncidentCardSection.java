package dev.flightdeck.slack.incident;

import com.slack.api.model.block.LayoutBlock;
import dev.flightdeck.incident.Incident;

import java.util.List;

/** Blocks a feature adds to the incident card, above its buttons (the follow-ups list): read afresh on each redraw. */
public interface IncidentCardSection {

    List<LayoutBlock> blocks(Incident incident);
}
