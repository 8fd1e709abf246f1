package dev.flightdeck.deploy;

/**
 * A build's status in the team's convention: environment in capitals first, then job, build number, status word,
 * who, link — {@code PROD: Job commons-prod-server build #196 started by Michael. More info at: <url>} — with a
 * colour per status. Builds Flightdeck started and builds it only hears about are announced the same way.
 */
public record BuildNews(Status status, String text) {

    public enum Status {
        STARTED("started", "#1D9BD1"),
        SUCCEEDED("succeeded", "#2EB67D"),
        FAILED("failed", "#E01E5A"),
        ABORTED("aborted", "#9E9E9E");

        private final String word;
        private final String colour;

        Status(String word, String colour) {
            this.word = word;
            this.colour = colour;
        }

        public String word() {
            return word;
        }

        public String colour() {
            return colour;
        }
    }

    /**
     * @param where the environment, or for CI on a branch the branch; shown in capitals
     * @param label the job and build number, e.g. {@code commons-prod-server build #196}
     * @param who   who started it (a Slack mention or a name), or null
     * @param url   the build's page, or null
     */
    public static BuildNews of(Status status, String where, String label, String who, String url) {
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
