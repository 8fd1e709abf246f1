package dev.flightdeck.build.circleci;

import java.util.Locale;

/**
 * CircleCI names one project several ways: its webhooks say {@code github/acme/billing} where its docs and most team
 * files say {@code gh/acme/billing} (and {@code bitbucket}/{@code bb}); projects on the GitHub App or GitLab
 * integration are {@code circleci/<org-id>/<project-id>}. Two slugs name the same project when they agree once the
 * short VCS names are spelled out; GitHub and Bitbucket names are case-insensitive.
 */
public final class CircleSlugs {

    private CircleSlugs() {
    }

    public static String canonical(String slug) {
        if (slug == null) {
            return "";
        }
        String s = slug.trim().replaceAll("^/+|/+$", "");
        int slash = s.indexOf('/');
        String vcs = slash < 0 ? s : s.substring(0, slash);
        String rest = slash < 0 ? "" : s.substring(slash);
        String full = switch (vcs.toLowerCase(Locale.ROOT)) {
            case "gh", "github" -> "github";
            case "bb", "bitbucket" -> "bitbucket";
            default -> vcs.toLowerCase(Locale.ROOT);
        };
        // circleci/<org-id>/<project-id> ids are case-sensitive; GitHub and Bitbucket names are not.
        return full.equals("circleci") ? full + rest : full + rest.toLowerCase(Locale.ROOT);
    }

    public static boolean same(String a, String b) {
        return a != null && b != null && canonical(a).equals(canonical(b));
    }
}
