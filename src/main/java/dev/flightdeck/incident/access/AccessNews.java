package dev.flightdeck.incident.access;

import dev.flightdeck.deploy.ApproverRef;
import dev.flightdeck.incident.Incident;

import java.util.List;

/**
 * What the incident's channel (and the requester) hear about break-glass access (port; Slack renders every word).
 * Each call is owed once per state: adapters key what they send by request and state, so a retried job sends nothing
 * twice.
 */
public interface AccessNews {

    /** A new request: the message with Grant and Deny, naming who may decide. */
    void requested(AccessGrant grant, Incident incident, List<ApproverRef> approvers, boolean commanderMay);

    /** The request moved (to {@code grant.state()}): the request message redrawn, and the channel told. */
    void changed(AccessGrant grant, Incident incident);
}
