package dev.flightdeck.people;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A person known only by a GitHub login (the author of a release whose login the team file's {@code people:} does
 * not map), stored where a Slack user id usually goes: {@code github:octocat}. It is never a Slack user, so it can
 * never approve, start or self-approve anything; the Slack adapter and the pages show it as "octocat on GitHub".
 */
public final class GithubPerson {

    public static final String PREFIX = "github:";
    /** GitHub's own rule for logins: letters, digits and single hyphens, at most 39 characters. */
    private static final Pattern LOGIN = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}");

    private GithubPerson() {
    }

    public static boolean isLogin(String login) {
        return login != null && LOGIN.matcher(login).matches();
    }

    /** The stored id of a GitHub login, e.g. {@code github:octocat}. */
    public static String id(String login) {
        if (!isLogin(login)) {
            throw new IllegalArgumentException("not a GitHub login: " + login);
        }
        return PREFIX + login;
    }

    /** The login, when this id is a GitHub person's; empty for a Slack user id or a system actor. */
    public static Optional<String> login(String id) {
        return id != null && id.startsWith(PREFIX) && isLogin(id.substring(PREFIX.length()))
                ? Optional.of(id.substring(PREFIX.length())) : Optional.empty();
    }

    /** How text that is not Slack markup names them: {@code octocat on GitHub}. */
    public static Optional<String> plainName(String id) {
        return login(id).map(l -> l + " on GitHub");
    }
}
