package dev.flightdeck.deploy;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which of two versions is newer, when their text says so: dotted numbers ({@code 5.12.0}, {@code v5.12},
 * {@code 5.11.3-rc1}) compare number by number. Anything else (a git sha, a build name), or two versions whose numbers
 * are equal but whose text differs, does not compare: the caller decides another way.
 */
public final class VersionOrder {

    private static final Pattern DOTTED = Pattern.compile("[vV]?([0-9]{1,9}(?:\\.[0-9]{1,9})*)(?:[-+].*)?");

    private VersionOrder() {
    }

    /** Negative, zero or positive as {@code a} is older than, the same as, or newer than {@code b}; empty when unknown. */
    public static Optional<Integer> compare(String a, String b) {
        if (a.equals(b)) {
            return Optional.of(0);
        }
        Matcher ma = DOTTED.matcher(a);
        Matcher mb = DOTTED.matcher(b);
        if (!ma.matches() || !mb.matches()) {
            return Optional.empty();
        }
        String[] pa = ma.group(1).split("\\.");
        String[] pb = mb.group(1).split("\\.");
        for (int i = 0; i < Math.max(pa.length, pb.length); i++) {
            long x = i < pa.length ? Long.parseLong(pa[i]) : 0;
            long y = i < pb.length ? Long.parseLong(pb[i]) : 0;
            if (x != y) {
                return Optional.of(Long.compare(x, y));
            }
        }
        return Optional.empty();
    }
}
