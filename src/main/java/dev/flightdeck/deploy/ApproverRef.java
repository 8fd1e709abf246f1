package dev.flightdeck.deploy;

import java.util.Optional;
import java.util.regex.Pattern;

/** Who may approve: a Slack user id ({@code U0123}, {@code W0123}) or a user-group handle ({@code @release-managers}). */
public sealed interface ApproverRef {

    /** What the team wrote: the user id, or the handle with its leading '@'. */
    String text();

    record User(String userId) implements ApproverRef {
        @Override
        public String text() {
            return userId;
        }
    }

    /** handle is without the leading '@'. */
    record Group(String handle) implements ApproverRef {
        @Override
        public String text() {
            return "@" + handle;
        }
    }

    // W ids are Enterprise Grid users; both can approve.
    Pattern USER_ID = Pattern.compile("[UW][A-Z0-9]{2,}");
    Pattern GROUP = Pattern.compile("@([a-z0-9][a-z0-9._-]*)");

    static Optional<ApproverRef> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.trim();
        if (USER_ID.matcher(t).matches()) {
            return Optional.of(new User(t));
        }
        var m = GROUP.matcher(t);
        return m.matches() ? Optional.of(new Group(m.group(1))) : Optional.empty();
    }
}
