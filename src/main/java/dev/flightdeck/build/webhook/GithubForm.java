package dev.flightdeck.build.webhook;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/** GitHub's form-encoded delivery: {@code payload=<url-encoded JSON>}, the webhook's default content type. */
final class GithubForm {

    private GithubForm() {
    }

    /** The JSON in the {@code payload} field, or an empty string when there is none (read as no status). */
    static String payload(String form) {
        for (String field : form.split("&")) {
            int eq = field.indexOf('=');
            String name = eq < 0 ? field : field.substring(0, eq);
            if (name.equals("payload")) {
                try {
                    return URLDecoder.decode(field.substring(eq + 1), StandardCharsets.UTF_8);
                } catch (IllegalArgumentException e) {
                    return "";
                }
            }
        }
        return "";
    }
}
