package dev.flightdeck.deploy;

import java.util.Set;

/** Who is in a user group (port; the Slack adapter asks usergroups.users.list and caches the answer). */
public interface ApproverDirectory {

    /**
     * Members of the group with this handle (without '@').
     *
     * @throws DirectoryUnavailable when it cannot be known right now; the caller refuses rather than guesses
     */
    Set<String> members(String handle);

    class DirectoryUnavailable extends RuntimeException {
        public DirectoryUnavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
