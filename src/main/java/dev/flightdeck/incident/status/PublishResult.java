package dev.flightdeck.incident.status;

import dev.flightdeck.incident.Incident;
import dev.flightdeck.incident.IncidentResult;

/** What asking to publish did, with people as ids; the Slack feature words it. Nothing changed unless Published. */
public sealed interface PublishResult {

    /** The update was posted as usual and published. */
    record Published(IncidentResult.Updated updated, PublicUpdate update) implements PublishResult {
    }

    /** The update itself was refused (no such incident, resolved, a move it cannot make): nothing posted or published. */
    record UpdateRefused(IncidentResult result) implements PublishResult {
    }

    /** Only the commander or communicator publishes; this person is neither. */
    record NotTheirs(Incident incident, String actor) implements PublishResult {
    }

    /** The text names a person or channel ({@link PublicText}): {@code word} is what to take out. */
    record PrivateWord(Incident incident, String word) implements PublishResult {
    }
}
