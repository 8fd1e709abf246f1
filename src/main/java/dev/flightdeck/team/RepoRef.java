package dev.flightdeck.team;

import java.util.regex.Pattern;

/**
 * A service's GitHub repository ({@code repo: acme/commons}) and the NAME of the environment variable holding the
 * token Flightdeck reads it with ({@code github-token-env}, default {@code GITHUB_TOKEN}); never the token itself.
 */
public record RepoRef(String fullName, String tokenEnv) {

    public static final String DEFAULT_TOKEN_ENV = "GITHUB_TOKEN";
    private static final Pattern FULL_NAME = Pattern.compile("[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+");

    public RepoRef {
        if (!isFullName(fullName)) {
            throw new IllegalArgumentException("not an owner/name repository: " + fullName);
        }
    }

    public static boolean isFullName(String text) {
        return text != null && FULL_NAME.matcher(text).matches() && !text.contains("..");
    }

    public String owner() {
        return fullName.substring(0, fullName.indexOf('/'));
    }

    public String name() {
        return fullName.substring(fullName.indexOf('/') + 1);
    }
}
