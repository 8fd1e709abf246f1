package dev.flightdeck.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Keyset paging of the history pages: a page shows the newest rows with an id below {@code ?before=<id>} (all, when
 * absent), and its "Older" link carries the last shown id and the page's filters.
 */
public final class Paging {

    private Paging() {
    }

    /** The {@code before} parameter: {@code id} is Long.MAX_VALUE when it was not given. */
    public record Before(long id, boolean given, Optional<String> problem) {

        /** " older than #12" (with the page's id prefix) on an older page, for the period line. */
        public String text(String prefix) {
            return given ? ", older than " + prefix + id : "";
        }
    }

    public static Before before(String text) {
        if (text == null || text.isBlank()) {
            return new Before(Long.MAX_VALUE, false, Optional.empty());
        }
        try {
            long id = Long.parseLong(text.trim().replaceFirst("^#", ""));
            if (id > 0) {
                return new Before(id, true, Optional.empty());
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        return new Before(Long.MAX_VALUE, false, Optional.of("\"Older than\" is a number; \"" + text.trim() + "\" is not."));
    }

    /** A filter value as an optional: empty when the page was not narrowed by it. */
    public static Optional<String> chosen(String value) {
        return value == null || value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    /** Name/value pairs of the filters to keep in the links, in order, the empty ones left out. */
    public static Map<String, String> kept(String... namesAndValues) {
        Map<String, String> kept = new LinkedHashMap<>();
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            if (!namesAndValues[i + 1].isEmpty()) {
                kept.put(namesAndValues[i], namesAndValues[i + 1]);
            }
        }
        return kept;
    }

    /** The page's address with the kept filters, and {@code before} when not null. */
    public static String url(String path, Map<String, String> kept, Long before) {
        Map<String, String> all = new LinkedHashMap<>(kept);
        if (before != null) {
            all.put("before", Long.toString(before));
        }
        String query = all.entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return query.isEmpty() ? path : path + "?" + query;
    }
}
