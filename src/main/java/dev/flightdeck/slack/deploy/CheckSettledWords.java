package dev.flightdeck.slack.deploy;

import dev.flightdeck.deploy.DeployNews;
import dev.flightdeck.deploy.DeployRequest;

/** The thread's line when a check that was waiting (CI running, GitHub unreadable) settles. */
final class CheckSettledWords {

    private CheckSettledWords() {
    }

    static String say(DeployRequest r, DeployNews.CheckSettled x) {
        if (x.blocked()) {
            return ":no_entry: *" + x.check() + "* now blocks deploy " + DeployWords.what(r) + ": " + x.text()
                    + ". An approver can override it with a written reason (*Override*).";
        }
        return ":white_check_mark: *" + x.check() + "* passed for deploy " + DeployWords.what(r) + ": " + x.text() + ". "
                + (x.startsNow() ? "Starting the build now." : "Nothing " + x.check() + " checks holds it any more.");
    }
}
