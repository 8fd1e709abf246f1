package dev.flightdeck.deploy;

/**
 * A build's status in the team's convention: environment in capitals first, then job, build number, status word,
 * who, link — {@code PROD: Job commons-prod-server build #196 started by Michael. More info at: <url>} — shown
 * with a colour per phase. Builds Flightdeck started and builds it only hears about are announced the same way.
 */
public record BuildNews(BuildPhase status, String text) {

    /**
     * @param where the environment, or for CI on a branch the branch; shown in capitals
     * @param label the job and build number, e.g. {@code commons-prod-server build #196}
     * @param who   who started it (a Slack mention or a name), or null
     * @param url   the build's page, or null
     */
    public static BuildNews of(BuildPhase status, String where, String label, String who, String url) {
        StringBuilder text = new StringBuilder()
                .append(where.toUpperCase(java.util.Locale.ROOT)).append(": Job ").append(label)
                .append(' ').append(status.word());
        if (who != null && !who.isBlank()) {
            text.append(" by ").append(who);
        }
        text.append('.');
        if (url != null && !url.isBlank()) {
            text.append(" More info at: ").append(url);
        }
        return new BuildNews(status, text.toString());
    }
}
