package dev.flightdeck.slack.deploy;

import dev.flightdeck.metrics.DeliveryMetrics;
import dev.flightdeck.metrics.DeliveryReport;
import dev.flightdeck.metrics.UnknownServiceException;
import dev.flightdeck.slack.CommandHandler;
import dev.flightdeck.slack.CommandReply;
import dev.flightdeck.slack.Invocation;
import dev.flightdeck.slack.envconfig.Rendered;
import dev.flightdeck.slack.deploy.StatsBlocks;
import dev.flightdeck.slack.deploy.DeployCommand;
import dev.flightdeck.deploy.Links;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;

/**
 * {@code /deploy stats [service] [days]}: a read of a few indexed rows, so answered in the ack (ephemeral), ending
 * with a link to the delivery page for the same service and days.
 */
@Singleton
public class StatsHandler implements CommandHandler<DeployCommand.Stats> {

    private final Provider<DeliveryMetrics> metrics;
    private final Links links;

    public StatsHandler(Provider<DeliveryMetrics> metrics, Links links) {
        this.metrics = metrics;
        this.links = links;
    }

    @Override
    public Class<DeployCommand.Stats> handles() {
        return DeployCommand.Stats.class;
    }

    @Override
    public CommandReply handle(DeployCommand.Stats c, Invocation invocation) {
        DeliveryReport report;
        try {
            report = metrics.get().lastDays(c.service(), c.days());
        } catch (UnknownServiceException e) {
            // The parser already refuses unknown names; this covers a team config reloaded in between.
            return CommandReply.refused(c, "I don't know a service called *" + e.service() + "*. Known services: "
                    + (e.known().isEmpty() ? "none (no team config)" : String.join(", ", e.known())) + ".");
        }
        Rendered r = StatsBlocks.render(report, c.days(), links.deliveryPage(c.service(), c.days()));
        return CommandReply.ok(c, r.text(), r.blocks());
    }
}
