package dev.flightdeck.slack.deploy;

import com.slack.api.model.Attachment;
import dev.flightdeck.deploy.BuildNews;
import dev.flightdeck.deploy.BuildPhase;

import java.util.List;

/** How build news looks in Slack: a colour bar per phase, its text also the notification fallback on phones. */
public final class BuildNewsMessages {

    private BuildNewsMessages() {
    }

    public static List<Attachment> colourBar(BuildNews news) {
        return List.of(Attachment.builder().color(colour(news.status())).text(news.text()).fallback(news.text()).build());
    }

    /** Blue while it runs, green, red, and grey for a build that was stopped or never ran. */
    public static String colour(BuildPhase phase) {
        return switch (phase) {
            case STARTED -> "#1D9BD1";
            case SUCCEEDED -> "#2EB67D";
            case FAILED -> "#E01E5A";
            case ABORTED -> "#9E9E9E";
        };
    }
}
