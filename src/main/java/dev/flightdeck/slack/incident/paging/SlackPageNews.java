package dev.flightdeck.slack.incident.paging;

import dev.flightdeck.incident.Incident;
import dev.flightdeck.incident.paging.OncallTarget;
import dev.flightdeck.incident.paging.Page;
import dev.flightdeck.incident.paging.PageNews;
import dev.flightdeck.slack.api.outbox.Outbox;
import dev.flightdeck.slack.api.outbox.OutboxMessage;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * {@link PageNews} on Slack, through the outbox under the incident's key (in order with its other messages, kept until
 * Slack takes them). A page sent before the incident's channel exists (a {@code page-on} page at declaration) is told
 * where the incident was declared. Each line has a message key of its own, so a pass redone after a crash says it once.
 */
@Singleton
@Requires(beans = Outbox.class)
public class SlackPageNews implements PageNews {

    private final Outbox outbox;
    private final Clock clock;

    public SlackPageNews(Outbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    @Override
    public void paged(Incident incident, Page page, OncallTarget target) {
        say(incident, page, "paged", PageWords.paged(incident, page, target));
    }

    @Override
    public void retrying(Incident incident, Page page, OncallTarget target, String reason, Instant nextTry) {
        say(incident, page, "retrying:" + page.state() + ":" + page.version(),
                PageWords.retrying(incident, page, target, reason, nextTry, clock.instant()));
    }

    @Override
    public void failed(Incident incident, Page page, OncallTarget target, String reason) {
        say(incident, page, "failed:" + page.version(), PageWords.failed(incident, page, target, reason));
    }

    @Override
    public void resolved(Incident incident, Page page, OncallTarget target) {
        say(incident, page, "resolved", PageWords.resolved(incident, page, target));
    }

    private void say(Incident incident, Page page, String what, String text) {
        Optional<String> channel = incident.channelId().or(incident::declaredIn);
        channel.ifPresent(ch -> outbox.send(OutboxMessage.post("incident:" + incident.number(), ch, text)
                .key("page:" + page.dedupKey() + ":" + what)));
    }
}
