package dev.flightdeck.build.webhook;

/**
 * What Flightdeck does with one kind of verified GitHub delivery other than a build's status ({@code release},
 * {@code check_suite}, …). The controller checks the signature and decodes a form body before calling; a route for
 * {@code workflow_run} runs after the build-status path, and its answer is not the one GitHub gets.
 */
public interface GithubEventRoute {

    /** The {@code X-GitHub-Event} this route takes, e.g. {@code release}. */
    String event();

    /** Handles one delivery's JSON payload. */
    Answer handle(String payload);

    /** {@code ignored}: answered 202 with {@code text} saying why nothing was done (counted and rate-limit-logged). */
    record Answer(boolean ignored, String text) {
        public static Answer done(String text) {
            return new Answer(false, text);
        }

        public static Answer ignored(String why) {
            return new Answer(true, why);
        }
    }
}
