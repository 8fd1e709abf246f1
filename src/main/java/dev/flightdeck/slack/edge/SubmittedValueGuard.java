package dev.flightdeck.slack.edge;

import com.slack.api.bolt.middleware.Middleware;
import com.slack.api.bolt.middleware.MiddlewareChain;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.view.ViewState;
import dev.flightdeck.logging.SecretValueGuard;

import java.time.Duration;
import java.util.Map;

/**
 * Before any listener sees a config change modal's submission (HTTP or Socket Mode), the value typed into it is
 * handed to {@link SecretValueGuard}, so that no log line written while it is handled (a handler's exception, an AWS
 * error quoting it) carries it. The pending-value store holds it again for as long as it keeps it.
 */
final class SubmittedValueGuard implements Middleware {

    /** DESIGN.md section 12: the modal's callback id and its input's block and action id. */
    static final String CALLBACK_ID = "config_change";
    static final String VALUE_ID = "value";
    static final Duration HOLD = Duration.ofMinutes(5);

    @Override
    public Response apply(Request req, Response resp, MiddlewareChain chain) throws Exception {
        if (req instanceof ViewSubmissionRequest submission) {
            var view = submission.getPayload() == null ? null : submission.getPayload().getView();
            if (view != null && CALLBACK_ID.equals(view.getCallbackId()) && view.getState() != null
                    && view.getState().getValues() != null) {
                Map<String, ViewState.Value> block = view.getState().getValues().get(VALUE_ID);
                ViewState.Value input = block == null ? null : block.get(VALUE_ID);
                if (input != null) {
                    SecretValueGuard.hold(input.getValue(), HOLD);
                }
            }
        }
        return chain.next(req);
    }
}
