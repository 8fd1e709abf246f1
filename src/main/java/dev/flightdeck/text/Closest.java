package dev.flightdeck.text;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/**
 * "Did you mean …?": the one edit distance, and the three ways callers pick a candidate with it. Commands count a
 * swap of two neighbouring letters as one edit (people type fast); the team file's keys count it as two, which keeps
 * its suggestions to keys a person would recognise as the same word.
 */
public final class Closest {

    private Closest() {
    }

    /** Optimal string alignment: insert, delete, replace, and a swap of two neighbouring letters each cost one. */
    public static int distance(String a, String b) {
        return distance(a, b, true);
    }

    /** Levenshtein: insert, delete and replace cost one (dropping the '-' of a kebab-case key is one edit). */
    public static int distanceWithoutSwaps(String a, String b) {
        return distance(a, b, false);
    }

    private static int distance(String a, String b, boolean swaps) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (swaps && i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }

    /**
     * A plausible typo of a candidate: one edit away from a word of up to four letters, two from a longer one.
     * The closest such candidate wins; ties go to the earlier candidate.
     */
    public static Optional<String> typoOf(String word, Collection<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            int d = distance(word, candidate);
            int allowed = candidate.length() <= 4 ? 1 : 2;
            if (d > 0 && d <= allowed && d < bestDistance && word.length() >= 2) {
                best = candidate;
                bestDistance = d;
            }
        }
        return Optional.ofNullable(best);
    }

    /** The candidate at the smallest distance, however far; ties go to the earlier candidate. */
    public static String nearest(String word, Collection<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            int d = distance(word, candidate);
            if (d < bestDistance) {
                best = candidate;
                bestDistance = d;
            }
        }
        return best;
    }

    /**
     * For a mistyped key or name in the team file, ignoring case: the closest candidate, if it is within about one
     * mistake per three characters (at least two), so "aproverz" still finds "approvers".
     */
    public static Optional<String> suggestion(String input, Collection<String> candidates) {
        String in = input.toLowerCase(Locale.ROOT);
        int allowed = Math.max(2, in.length() / 3);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            int d = distanceWithoutSwaps(in, candidate.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                best = candidate;
                bestDistance = d;
            }
        }
        return bestDistance <= allowed ? Optional.of(best) : Optional.empty();
    }
}
