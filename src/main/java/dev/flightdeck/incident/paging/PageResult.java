package dev.flightdeck.incident.paging;

import dev.flightdeck.incident.Incident;
import dev.flightdeck.incident.IncidentResult;

import java.util.List;

/** What {@code /incident page} did, with people as ids: the Slack feature words it. */
public sealed interface PageResult {

    /** The trigger is owed and the sender was told; the channel hears when the pager took it. */
    record Queued(Incident incident, Page page, OncallTarget target) implements PageResult {
    }

    /** The incident already has a live page of this target: not sent twice. */
    record AlreadyPaged(Incident incident, Page page, OncallTarget target) implements PageResult {
    }

    /** No target of that name; {@code known} in the team file's order (empty: none is configured). */
    record UnknownTarget(String name, List<String> known) implements PageResult {
    }

    /** The incident could not be found, or is resolved. */
    record NoIncident(IncidentResult.Refused why) implements PageResult {
    }
}
