package dev.flightdeck.build;

import dev.flightdeck.deploy.BuildNews;

/**
 * The team's notification convention: environment in capitals first, then job, build number, status word, who, link.
 * {@code PROD: Job commons-prod-server build #196 started by Michael. More info at: <url>}
 */
public final class BuildNotice {

    private BuildNotice() {
    }

    /** @param where the environment (or, for CI on a branch, the branch) named first in capitals */
    public static String text(String where, BuildEvent event) {
        return BuildNews.of(event.phase().news(), where, event.label(), event.who(), event.url()).text();
    }
}
