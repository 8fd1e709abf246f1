package dev.flightdeck.slack.deploy;

import com.slack.api.model.Attachment;
import dev.flightdeck.deploy.BuildNews;

import java.util.List;

/** How build news looks in Slack: a colour bar per status, its text also the notification fallback on phones. */
public final class BuildNewsMessages {

    private BuildNewsMessages() {
    }

    public static List<Attachment> colourBar(BuildNews news) {
        return List.of(Attachment.builder().color(news.status().colour()).text(news.text()).fallback(news.text()).build());
    }
}
