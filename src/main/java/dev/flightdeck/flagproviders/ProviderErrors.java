package dev.flightdeck.flagproviders;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * The providers' refusals in words a channel can read. LaunchDarkly answers {@code {"code": "...", "message": "..."}},
 * Flagsmith (Django REST framework) {@code {"detail": "..."}} or field errors. Never a token: the request's header is
 * not part of any answer, and the text is cut short.
 */
final class ProviderErrors {

    private static final int MAX = 300;

    private ProviderErrors() {
    }

    static String describe(String provider, FlagHttp.Answer answer, String what) {
        if (answer.response().isEmpty()) {
            return provider + " " + answer.failure() + " while " + what;
        }
        int status = answer.status();
        String said = said(answer.body());
        String reason = switch (status) {
            case 401 -> provider + " refused the token (HTTP 401)";
            case 403 -> "the " + provider + " token may not do this (HTTP 403)";
            case 404 -> provider + " does not know it (HTTP 404)";
            case 409 -> provider + " refused it because of a conflict (HTTP 409)";
            case 429 -> provider + "'s rate limit is used up (HTTP 429), even after waiting";
            default -> status >= 500 ? provider + " failed (HTTP " + status + ")"
                    : provider + " refused it (HTTP " + status + ")";
        };
        return reason + " while " + what + (said.isEmpty() ? "" : ": " + said);
    }

    /** The message of a vendor error body, or "" when there is none to read. */
    static String said(String body) {
        try {
            JsonElement json = JsonParser.parseString(body);
            if (!json.isJsonObject()) {
                return "";
            }
            JsonObject o = json.getAsJsonObject();
            String text;
            if (o.has("message") && o.get("message").isJsonPrimitive()) {
                text = o.get("message").getAsString();
            } else if (o.has("detail") && o.get("detail").isJsonPrimitive()) {
                text = o.get("detail").getAsString();
            } else {
                text = o.toString();
            }
            return text.length() <= MAX ? text : text.substring(0, MAX - 1) + "…";
        } catch (RuntimeException e) {
            return "";
        }
    }
}
