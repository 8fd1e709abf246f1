package dev.flightdeck.testing;

import com.google.gson.JsonObject;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.flightdeck.testing.FakeJson.obj;

/**
 * Slack's scope check: a method whose scope the installed app was not granted answers {@code missing_scope}, naming
 * what it {@code needed} and what the token {@code provided}. The grant is manifest.yml's bot scopes unless a test
 * says otherwise. Called under FakeSlack's lock.
 */
final class FakeSlackScopes {
    private final FakeSlackState s;

    FakeSlackScopes(FakeSlackState state) {
        this.s = state;
    }

    /** Null when the call may go on; else Slack's answer. */
    JsonObject refusal(String method, Map<String, String> params) {
        SlackScopes.Needs needs = SlackScopes.of(method).orElse(null);
        if (needs == null) {
            // Not in the table: a method FakeSlack serves must be given its scopes there, or it could pass unchecked.
            return obj("ok", false, "error", "missing_scope", "needed", "unknown (add " + method + " to SlackScopes)",
                    "provided", provided());
        }
        boolean inPrivate = s.channel(params.get("channel")).map(c -> c.isPrivate).orElse(false);
        List<String> wanted = needs.in(inPrivate);
        if (wanted.isEmpty() || wanted.stream().anyMatch(s.grantedScopes::contains)) return null;
        return obj("ok", false, "error", "missing_scope", "needed", String.join(",", wanted), "provided", provided());
    }

    private String provided() {
        return String.join(",", Set.copyOf(s.grantedScopes).stream().sorted().toList());
    }
}
