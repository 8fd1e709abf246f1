package dev.flightdeck.people;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Who a user id is, for text that Slack does not render (the manager pages, the Markdown summary): in a Slack
 * message a {@code <@U…>} mention shows as a name by itself, anywhere else it shows as an id nobody recognises.
 * Port; the Slack adapter asks {@code users.info}. A directory that does not know an id answers empty, never throws.
 */
public interface PeopleDirectory {

    /** The name people know this user by (display name, else real name, else user name), if this directory knows it. */
    Optional<String> nameOf(String userId);

    /**
     * The names of several users at once, for a page that lists many people; only the ids it knows are in the map.
     * An adapter that calls out overrides this to ask for all of them at once rather than one after another.
     */
    default Map<String, String> namesOf(Collection<String> userIds) {
        Map<String, String> names = new HashMap<>();
        for (String id : userIds) {
            nameOf(id).ifPresent(n -> names.put(id, n));
        }
        return names;
    }
}
