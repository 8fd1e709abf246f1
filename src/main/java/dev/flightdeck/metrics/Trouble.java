package dev.flightdeck.metrics;

import dev.flightdeck.metrics.DeliveryHistory.DeployFact;
import dev.flightdeck.metrics.DeliveryHistory.IncidentFact;

import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Whether a success was followed, within the failure window after its finish, by a rollback request of the same
 * service and environment or by an incident naming the service ({@link DeliveryFigures}): rollbacks by service and
 * environment and incidents by start, both sorted, so each success is a lookup, not every incident again.
 */
final class Trouble {


    private final MetricsSettings settings;
    private final Map<String, List<Instant>> rollbackTimes = new HashMap<>();
    private final List<IncidentFact> incidentsByStart;
    private final List<Instant> incidentStarts;
    /** Each service's name pattern, compiled once per report rather than once per success. */
    private final Map<String, Pattern> patterns = new HashMap<>();
    /** Per service, the incidents (indexes in start order) whose title names it; see {@link #naming}. */
    private final Map<String, BitSet> namedBy = new HashMap<>();
    /** Each lower-case title word, the incidents whose title has it (built on first use). */
    private Map<String, List<Integer>> incidentsByWord;

    Trouble(MetricsSettings settings, List<DeployFact> rollbacks, List<IncidentFact> incidents) {
        this.settings = settings;
        for (DeployFact r : rollbacks) {
            if (settings.counts(r.environment())) {
                rollbackTimes.computeIfAbsent(key(r.service(), r.environment()), k -> new ArrayList<>()).add(r.requestedAt());
            }
        }
        rollbackTimes.values().forEach(times -> times.sort(Comparator.naturalOrder()));
        this.incidentsByStart = incidents.stream().sorted(Comparator.comparing(IncidentFact::startedAt)).toList();
        this.incidentStarts = incidentsByStart.stream().map(IncidentFact::startedAt).toList();
    }

    /**
     * Of {@code services}, those a success could be a failed change of: with a counted rollback request, or named by
     * an incident. Every other service's successes are not followed by trouble, so its rolled-up days need no look at
     * their finish times.
     */
    Set<String> possible(Collection<String> services) {
        Set<String> out = new LinkedHashSet<>();
        for (String key : rollbackTimes.keySet()) {
            String service = key.substring(0, key.lastIndexOf('\n'));
            if (services.contains(service)) {
                out.add(service);
            }
        }
        out.addAll(namedAmong(services));
        return out;
    }

    /** The incidents of a scope in start order: every one, or those whose title names the service. */
    List<IncidentFact> of(java.util.Optional<String> service) {
        if (service.isEmpty()) {
            return incidentsByStart;
        }
        BitSet named = naming(service.get());
        List<IncidentFact> out = new ArrayList<>(named.cardinality());
        named.stream().forEach(i -> out.add(incidentsByStart.get(i)));
        return out;
    }

    boolean possibleFor(String service) {
        if (rollbackTimes.keySet().stream().anyMatch(k -> k.startsWith(service + "\n"))) {
            return true;
        }
        return !naming(service).isEmpty();
    }

    /**
     * The incidents (indexes in start order) naming {@code service}, worked out once per report: only the titles having
     * the service's first word are matched against its pattern (the title words indexed once), so neither each
     * service's question nor each success's window of incidents runs a pattern again (twenty teams' 52,000 successes
     * a year, each against the window's incidents of all teams, and each of 160 services splitting every title).
     */
    private BitSet naming(String service) {
        return namedBy.computeIfAbsent(service, s -> {
            String lower = s.toLowerCase(Locale.ROOT);
            String first = lower.substring(0, wordEnd(lower, 0));
            BitSet out = new BitSet(incidentsByStart.size());
            Pattern name = pattern(s);
            if (first.isEmpty()) {   // starts with a sign: every title
                for (int i = 0; i < incidentsByStart.size(); i++) {
                    if (ServiceNames.names(incidentsByStart.get(i).title(), name)) {
                        out.set(i);
                    }
                }
                return out;
            }
            for (int i : words().getOrDefault(first, List.of())) {
                if (ServiceNames.names(incidentsByStart.get(i).title(), name)) {
                    out.set(i);
                }
            }
            return out;
        });
    }

    private Map<String, List<Integer>> words() {
        if (incidentsByWord == null) {
            incidentsByWord = new HashMap<>();
            for (int i = 0; i < incidentsByStart.size(); i++) {
                String title = incidentsByStart.get(i).title();
                if (title == null) {
                    continue;
                }
                String lower = title.toLowerCase(Locale.ROOT);
                for (int at = 0; at < lower.length(); ) {
                    int end = wordEnd(lower, at);
                    if (end > at) {
                        List<Integer> having = incidentsByWord.computeIfAbsent(lower.substring(at, end), k -> new ArrayList<>());
                        if (having.isEmpty() || having.get(having.size() - 1) != i) {   // a word twice in a title: once
                            having.add(i);
                        }
                        at = end;
                    } else {
                        at++;
                    }
                }
            }
        }
        return incidentsByWord;
    }

    /**
     * The services some incident's title names. A service named in a title starts where a title word starts, so its
     * first word (letters and digits) is one of the title's words: each service is matched only against the titles
     * having its first word ({@link #naming}), instead of every title against every service (twenty teams' 160
     * services and 5,000 incidents a year were 800,000 pairs).
     */
    Set<String> namedAmong(Collection<String> services) {
        Set<String> out = new LinkedHashSet<>();
        for (String s : services) {
            if (!naming(s).isEmpty()) {
                out.add(s);
            }
        }
        return out;
    }

    /** A rollback of the same service and environment, or an incident naming the service, within the window after. */
    boolean after(String service, String environment, Instant done) {
        Instant until = done.plus(settings.failureWindow());
        List<Instant> rolledBackAt = rollbackTimes.getOrDefault(key(service, environment), List.of());
        int r = firstAfter(rolledBackAt, done);
        if (r < rolledBackAt.size() && !rolledBackAt.get(r).isAfter(until)) {
            return true;
        }
        int i = naming(service).nextSetBit(firstAfter(incidentStarts, done));
        return i >= 0 && !incidentStarts.get(i).isAfter(until);
    }

    /**
     * Where the word starting at {@code at} ends: the first index from {@code at} that is not a letter or digit to the
     * name pattern ({@code \\p{Alnum}}: ASCII letters and digits). Scanned by hand: splitting every title of twenty
     * teams' incidents by a pattern was most of a year's report.
     */
    private static int wordEnd(String s, int at) {
        int i = at;
        while (i < s.length() && isAlnum(s.charAt(i))) {
            i++;
        }
        return i;
    }

    private static boolean isAlnum(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
    }

    private Pattern pattern(String service) {
        return patterns.computeIfAbsent(service, ServiceNames::wordPattern);
    }

    private static String key(String service, String environment) {
        return service + "\n" + environment;
    }

    /** The index of the first time at or after {@code t} in {@code sorted} (its size when none is). */
    static int firstAtOrAfter(List<Instant> sorted, Instant t) {
        int lo = 0;
        int hi = sorted.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted.get(mid).isBefore(t)) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** The index of the first time after {@code t} in {@code sorted} (its size when none is). */
    static int firstAfter(List<Instant> sorted, Instant t) {
        int lo = 0;
        int hi = sorted.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted.get(mid).isAfter(t)) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }
}
