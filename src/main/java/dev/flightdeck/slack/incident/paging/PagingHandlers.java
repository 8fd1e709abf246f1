package dev.flightdeck.slack.incident.paging;

import dev.flightdeck.incident.paging.Oncalls;
import dev.flightdeck.incident.paging.PageResult;
import dev.flightdeck.incident.paging.Paging;
import dev.flightdeck.slack.CommandHandler;
import dev.flightdeck.slack.CommandReply;
import dev.flightdeck.slack.edge.AfterAck;
import dev.flightdeck.slack.incident.IncidentCommand;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.time.Clock;

/**
 * {@code /incident page} (parse → one use case call → words; the page itself is sent by the paging waker, which the
 * call woke) and {@code /incident oncall} (acked at once; the pagers are asked after the ack and the answer comes by
 * the response URL).
 */
@Factory
@Requires(beans = {Paging.class, Oncalls.class})
public class PagingHandlers {

    private final Paging paging;
    private final Oncalls oncalls;
    private final AfterAck afterAck;
    private final Clock clock;

    public PagingHandlers(Paging paging, Oncalls oncalls, AfterAck afterAck, Clock clock) {
        this.paging = paging;
        this.oncalls = oncalls;
        this.afterAck = afterAck;
        this.clock = clock;
    }

    @Singleton
    CommandHandler<IncidentCommand.Page> page() {
        return CommandHandler.of(IncidentCommand.Page.class, (c, in) -> {
            PageResult result = paging.page(c.incidentId(), in.channelId(), c.target(), c.message(), in.userId());
            String text = PageWords.answer(result);
            return result instanceof PageResult.Queued ? CommandReply.ok(c, text) : CommandReply.refused(c, text);
        });
    }

    @Singleton
    CommandHandler<IncidentCommand.Oncall> oncall() {
        return CommandHandler.of(IncidentCommand.Oncall.class, (c, in) -> {
            afterAck.run("/incident oncall", in.responseUrl(),
                    () -> PageWords.oncall(oncalls.whoIsOnCall(c.target()), clock.instant()));
            return CommandReply.ok(c, "Asking who is on call" + c.target().map(t -> " for " + t).orElse("") + "…");
        });
    }
}
