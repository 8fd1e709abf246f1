package dev.flightdeck.slack.deploy;

import com.slack.api.bolt.App;
import dev.flightdeck.deploy.Links;
import dev.flightdeck.deploy.PromoteDeploy;
import dev.flightdeck.deploy.PromotionOutcome;
import dev.flightdeck.slack.SlackListener;
import dev.flightdeck.slack.edge.AfterAck;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;

import java.util.OptionalLong;

/**
 * Promote to PROD ({@code deploy_promote}): acked at once; after the ack the click opens the request, which is
 * acknowledged in the successful deploy's thread, or the clicker alone is told why nothing was opened.
 */
@Singleton
public class PromoteButton implements SlackListener {

    private final Provider<PromoteDeploy> promotions;
    private final SlackDeployAnnouncer announcer;
    private final Links links;
    private final AfterAck afterAck;

    public PromoteButton(Provider<PromoteDeploy> promotions, SlackDeployAnnouncer announcer, Links links, AfterAck afterAck) {
        this.promotions = promotions;
        this.announcer = announcer;
        this.links = links;
        this.afterAck = afterAck;
    }

    @Override
    public void register(App app) {
        app.blockAction(DeploySlackIds.DEPLOY_PROMOTE, (req, ctx) -> {
            DeployButtons.Click click = DeployButtons.Click.of(req.getPayload());
            afterAck.run(DeploySlackIds.DEPLOY_PROMOTE, () -> {
                Target t = Target.parse(click.value());
                if (t == null) {
                    announcer.tell(click.channel(), click.user(), PromoteWords.notAButton(click.value()));
                    return;
                }
                PromotionOutcome outcome = promotions.get().promote(t.id(), t.environment(), click.user());
                if (outcome.refused()) {
                    announcer.tell(click.channel(), click.user(), PromoteWords.refused(outcome, links::deployPage));
                }
            });
            return ctx.ack();
        });
    }

    /** The button's value: {@code <deploy id>:<environment>}. */
    record Target(long id, String environment) {
        static Target parse(String value) {
            int colon = value == null ? -1 : value.indexOf(':');
            if (colon < 1 || colon == value.length() - 1) {
                return null;
            }
            OptionalLong id = RequestIds.parse(value.substring(0, colon));
            String env = value.substring(colon + 1);
            return id.isPresent() && env.matches("[a-z0-9_-]{1,100}") ? new Target(id.getAsLong(), env) : null;
        }
    }
}
