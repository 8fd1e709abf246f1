package dev.flightdeck.envconfig;

import java.util.List;

/**
 * What one source returned for one service and environment.
 *
 * @param entries  the keys found
 * @param problems things a person should know that did not stop the read, e.g. "secret commons/prod not found"
 */
public record SourceRead(List<ConfigEntry> entries, List<String> problems) {

    public static final SourceRead EMPTY = new SourceRead(List.of(), List.of());

    public SourceRead {
        entries = List.copyOf(entries);
        problems = List.copyOf(problems);
    }
}
