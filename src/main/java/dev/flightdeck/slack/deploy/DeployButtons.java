package dev.flightdeck.slack.deploy;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.App;
import com.slack.api.model.view.View;
import dev.flightdeck.deploy.CheckResult;
import dev.flightdeck.deploy.DeployOutcome;
import dev.flightdeck.deploy.DeployOverrides;
import dev.flightdeck.deploy.DeployQueries;
import dev.flightdeck.deploy.DeployRequest;
import dev.flightdeck.deploy.DeployService;
import dev.flightdeck.slack.api.SlackGateway;
import dev.flightdeck.slack.SlackListener;
import dev.flightdeck.slack.deploy.DeployModals;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.OptionalLong;
import java.util.function.BiFunction;
import dev.flightdeck.slack.edge.AfterAck;

/**
 * The buttons on the go/no-go message. Each click is acked at once; the decision runs after the ack and is
 * authorised there (not only when the buttons were drawn). A refused click gets an ephemeral answer and changes
 * nothing; an accepted one shows in the message and its thread.
 */
@Singleton
public class DeployButtons implements SlackListener {

    private static final Logger LOG = LoggerFactory.getLogger(DeployButtons.class);

    // Providers: the Bolt app (and so this listener) is built at start-up, even in contexts without a database.
    private final Provider<DeployService> deploys;
    private final Provider<DeployOverrides> overrides;
    private final Provider<DeployQueries> queries;
    private final SlackDeployAnnouncer announcer;
    private final SlackGateway gateway;
    private final AfterAck afterAck;

    public DeployButtons(Provider<DeployService> deploys, Provider<DeployOverrides> overrides, Provider<DeployQueries> queries, SlackDeployAnnouncer announcer, SlackGateway gateway,
                         AfterAck afterAck) {
        this.deploys = deploys;
        this.overrides = overrides;
        this.queries = queries;
        this.announcer = announcer;
        this.gateway = gateway;
        this.afterAck = afterAck;
    }

    @Override
    public void register(App app) {
        decision(app, DeploySlackIds.DEPLOY_GO, (id, user) -> deploys.get().go(id, user));
        decision(app, DeploySlackIds.DEPLOY_START, (id, user) -> deploys.get().start(id, user));
        decision(app, DeploySlackIds.DEPLOY_RETRY, (id, user) -> deploys.get().retry(id, user));
        decision(app, DeploySlackIds.DEPLOY_CANCEL, (id, user) -> deploys.get().cancel(id, user));
        form(app, DeploySlackIds.DEPLOY_NOGO, (id, user) -> deploys.get().mayReject(id, user), (r, meta) -> DeployModals.noGoReason(r, meta));
        form(app, DeploySlackIds.DEPLOY_OVERRIDE, (id, user) -> overrides.get().mayOverride(id, user), (r, meta) -> DeployModals.overrideReason(r,
                queries.get().checks(r.id()).stream().filter(CheckResult::blocking).toList(), meta));
    }

    private void decision(App app, String actionId, BiFunction<Long, String, DeployOutcome> action) {
        app.blockAction(actionId, (req, ctx) -> {
            Click click = Click.of(req.getPayload());
            afterAck.run(actionId, () -> {
                if (click.id().isEmpty()) {
                    announcer.tell(click.channel(), click.user(), RequestIds.notAnId(click.value()));
                    return;
                }
                DeployOutcome outcome = action.apply(click.id().getAsLong(), click.user());
                if (outcome.refused()) {
                    announcer.tell(click.channel(), click.user(), OutcomeWords.say(outcome));
                }
            });
            return ctx.ack();
        });
    }

    private void form(App app, String actionId, BiFunction<Long, String, DeployOutcome> allowed,
                      BiFunction<DeployRequest, String, View> modal) {
        app.blockAction(actionId, (req, ctx) -> {
            Click click = Click.of(req.getPayload());
            String triggerId = req.getPayload().getTriggerId();
            afterAck.run(actionId, () -> {
                if (click.id().isEmpty()) {
                    announcer.tell(click.channel(), click.user(), RequestIds.notAnId(click.value()));
                    return;
                }
                DeployOutcome outcome = allowed.apply(click.id().getAsLong(), click.user());
                if (outcome.refused()) {
                    announcer.tell(click.channel(), click.user(), OutcomeWords.say(outcome));
                    return;
                }
                View view = modal.apply(((DeployOutcome.Allowed) outcome).request(), click.id().getAsLong() + ":" + click.channel());
                gateway.call("views.open", c -> c.viewsOpen(r -> r.triggerId(triggerId).view(view)))
                        .whenComplete((response, e) -> {
                            if (e != null || !response.isOk()) {
                                LOG.warn("could not open the {} form: {}", actionId, e != null ? e.getMessage() : response.getError());
                                announcer.tell(click.channel(), click.user(), "Could not open the form; please click again.");
                            }
                        });
            });
            return ctx.ack();
        });
    }

    /** Who clicked what, where. */
    record Click(String user, String channel, String value, OptionalLong id) {
        static Click of(BlockActionPayload p) {
            String value = p.getActions() == null || p.getActions().isEmpty() ? null : p.getActions().get(0).getValue();
            String channel = p.getChannel() != null ? p.getChannel().getId()
                    : p.getContainer() != null ? p.getContainer().getChannelId() : null;
            return new Click(p.getUser().getId(), channel, value, RequestIds.parse(value));
        }
    }

}
