package dev.flightdeck.slack.deploy;

import com.slack.api.bolt.App;
import com.slack.api.model.view.ViewState;
import dev.flightdeck.deploy.DeployOutcome;
import dev.flightdeck.deploy.InputProblem;
import dev.flightdeck.deploy.DeployOverrides;
import dev.flightdeck.deploy.DeployService;
import dev.flightdeck.deploy.NewDeploy;
import dev.flightdeck.deploy.RequestDeploy;
import dev.flightdeck.slack.SlackListener;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import dev.flightdeck.slack.edge.AfterAck;

/**
 * The deploy modals' submissions: the request form, the no-go reason and the override reason. Input that cannot be
 * accepted is answered in the form itself (Slack's {@code response_action: errors}); the rest runs after the ack.
 */
@Singleton
public class DeployModalSubmissions implements SlackListener {

    private final Provider<RequestDeploy> requests;
    private final Provider<DeployService> deploys;
    private final Provider<DeployOverrides> overrides;
    private final SlackDeployAnnouncer announcer;
    private final AfterAck afterAck;

    public DeployModalSubmissions(Provider<RequestDeploy> requests, Provider<DeployService> deploys,
                                  Provider<DeployOverrides> overrides, SlackDeployAnnouncer announcer,
                                  AfterAck afterAck) {
        this.requests = requests;
        this.deploys = deploys;
        this.overrides = overrides;
        this.announcer = announcer;
        this.afterAck = afterAck;
    }

    @Override
    public void register(App app) {
        app.viewSubmission(DeploySlackIds.DEPLOY_REQUEST_MODAL, (req, ctx) -> {
            var values = req.getPayload().getView().getState().getValues();
            String user = req.getPayload().getUser().getId();
            String channel = req.getPayload().getView().getPrivateMetadata();
            String service = lower(value(values, DeploySlackIds.DEPLOY_FIELD_SERVICE));
            String env = lower(value(values, DeploySlackIds.DEPLOY_FIELD_ENV));
            NewDeploy d = new NewDeploy(service, value(values, DeploySlackIds.DEPLOY_FIELD_VERSION).strip(), env, user,
                    Optional.of(value(values, DeploySlackIds.DEPLOY_FIELD_RUNNER)).filter(s -> !s.isBlank()),
                    Optional.of(value(values, DeploySlackIds.DEPLOY_FIELD_NOTE).strip()).filter(s -> !s.isBlank()),
                    Optional.empty(), lines(value(values, DeploySlackIds.DEPLOY_FIELD_CHECKLIST)));
            Optional<InputProblem> problem = requests.get().problem(d);
            if (problem.isPresent()) {
                return ctx.ack(r -> r.responseAction("errors").errors(Map.of(InputWords.field(problem.get()),
                        InputWords.say(problem.get()))));
            }
            afterAck.run("the deploy form", () -> {
                DeployOutcome outcome = requests.get().request(d);
                if (channel != null && !channel.isBlank()) {
                    announcer.tell(channel, user, OutcomeWords.say(outcome));
                }
            });
            return ctx.ack();
        });
        reason(app, DeploySlackIds.DEPLOY_NOGO_MODAL, true);
        reason(app, DeploySlackIds.DEPLOY_OVERRIDE_MODAL, false);
    }

    private void reason(App app, String callbackId, boolean noGo) {
        app.viewSubmission(callbackId, (req, ctx) -> {
            String reason = value(req.getPayload().getView().getState().getValues(), DeploySlackIds.DEPLOY_REASON).strip();
            int min = noGo ? 1 : 3;
            if (reason.length() < min || reason.length() > DeployService.MAX_REASON) {
                return ctx.ack(r -> r.responseAction("errors").errors(Map.of(DeploySlackIds.DEPLOY_REASON,
                        "Write a reason of " + min + " to " + DeployService.MAX_REASON + " characters.")));
            }
            String user = req.getPayload().getUser().getId();
            String[] meta = String.valueOf(req.getPayload().getView().getPrivateMetadata()).split(":", 2);
            OptionalLong id = RequestIds.parse(meta[0]);
            String channel = meta.length > 1 ? meta[1] : null;
            afterAck.run(callbackId, () -> {
                if (id.isEmpty()) {
                    if (channel != null) {
                        announcer.tell(channel, user, RequestIds.notAnId(meta[0]));
                    }
                    return;
                }
                DeployOutcome outcome = noGo ? deploys.get().noGo(id.getAsLong(), user, reason)
                        : overrides.get().override(id.getAsLong(), user, reason);
                if (outcome.refused() && channel != null) {
                    announcer.tell(channel, user, OutcomeWords.say(outcome));
                }
            });
            return ctx.ack();
        });
    }

    /** A text input's value, a select's chosen option, or a users select's user; "" when empty. */
    static String value(Map<String, Map<String, ViewState.Value>> values, String blockId) {
        Map<String, ViewState.Value> block = values == null ? null : values.get(blockId);
        ViewState.Value v = block == null ? null : block.getOrDefault(blockId, block.values().stream().findFirst().orElse(null));
        if (v == null) {
            return "";
        }
        if (v.getValue() != null) {
            return v.getValue();
        }
        if (v.getSelectedOption() != null && v.getSelectedOption().getValue() != null) {
            return v.getSelectedOption().getValue();
        }
        return v.getSelectedUser() == null ? "" : v.getSelectedUser();
    }

    /** The checklist field: one item per line, blank lines dropped. */
    static List<String> lines(String text) {
        return text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }

    private static String lower(String s) {
        return s.strip().toLowerCase(Locale.ROOT);
    }
}
