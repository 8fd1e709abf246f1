package dev.flightdeck.metrics;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Incidents have no service column, so an incident "names" a service when the service's name appears in its title
 * as a whole word, ignoring case: "Billing API returns 500s" names billing; "rebilling job" does not. Letters and
 * digits make up words, so "web-checkout slow" names web (teams write it that way).
 */
final class ServiceNames {

    private ServiceNames() {
    }

    static Pattern wordPattern(String service) {
        return Pattern.compile("(?<![\\p{Alnum}])" + Pattern.quote(service.toLowerCase(Locale.ROOT)) + "(?![\\p{Alnum}])");
    }

    static boolean names(String title, Pattern service) {
        return title != null && service.matcher(title.toLowerCase(Locale.ROOT)).find();
    }
}
