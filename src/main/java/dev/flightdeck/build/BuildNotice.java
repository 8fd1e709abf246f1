package dev.flightdeck.build;

import java.util.Locale;

/**
 * The team's notification convention: environment in capitals first, then job, build number, status word, who, link.
 * {@code PROD: Job commons-prod-server build #196 started by Michael. More info at: <url>}
 */
public final class BuildNotice {

    private BuildNotice() {
    }

    /** @param where the environment (or, for CI on a branch, the branch) named first in capitals */
    public static String text(String where, BuildEvent event) {
        StringBuilder text = new StringBuilder()
                .append(where.toUpperCase(Locale.ROOT)).append(": Job ").append(event.label())
                .append(' ').append(event.phase().word());
        if (event.who() != null && !event.who().isBlank()) {
            text.append(" by ").append(event.who());
        }
        text.append('.');
        if (event.url() != null && !event.url().isBlank()) {
            text.append(" More info at: ").append(event.url());
        }
        return text.toString();
    }
}
