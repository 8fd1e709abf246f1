package dev.flightdeck.build;

import java.util.Optional;

/**
 * A build's status as a backend reported it (webhook or poll), before it is matched to a deploy.
 *
 * @param backend  jenkins, circleci, github-actions or codebuild
 * @param job      the job, project or workflow as the backend names it ({@code commons-prod-server})
 * @param label    how Flightdeck names this build, the same text its trigger stored ({@code commons-prod-server build #196})
 * @param who      who started it, as the backend says, or null
 * @param deployId the Flightdeck deploy it belongs to, when the backend echoes it
 */
public record BuildEvent(String backend, String job, String label, Phase phase, String url, String who,
                         Optional<Long> deployId, String branch) {

    public enum Phase {
        STARTED("started", "#1D9BD1"),
        SUCCEEDED("succeeded", "#2EB67D"),
        FAILED("failed", "#E01E5A"),
        ABORTED("aborted", "#9E9E9E");

        private final String word;
        private final String colour;

        Phase(String word, String colour) {
            this.word = word;
            this.colour = colour;
        }

        /** The status word of the team's convention. */
        public String word() {
            return word;
        }

        /** Slack attachment colour per status (DESIGN.md section 3). */
        public String colour() {
            return colour;
        }
    }
}
