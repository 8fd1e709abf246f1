package dev.flightdeck.incident.access;

import java.util.Optional;

/** The e-mail address a chat user has (port; Slack's users.info with the users:read.email scope). */
public interface AccessPeople {

    /** Empty when the person has none or it is not shown; throws when it cannot be known right now. */
    Optional<String> email(String userId);
}
