package dev.flightdeck.text;

import java.util.ArrayList;
import java.util.Collection;
import java.util.BitSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hides secrets in text that is about to leave the process (a build log quoted in Slack): every value known to be a
 * secret, compared by value, and every string shaped like a credential, each replaced by {@value #MASK}. Pure: the
 * values it is given are used for this call only and kept nowhere.
 *
 * <p>Token shapes: Slack tokens ({@code xoxb-}, {@code xoxp-}, {@code xoxa-}, {@code xoxr-}, {@code xoxs-},
 * {@code xoxe-}, {@code xapp-}), GitHub tokens ({@code ghp_}, {@code gho_}, {@code ghu_}, {@code ghs_}, {@code ghr_},
 * {@code github_pat_}), AWS access key ids ({@code AKIA…}, {@code ASIA…}) and PEM private key blocks from their
 * {@code -----BEGIN … KEY-----} line through their {@code END} line (or to the end of the text when cut off).
 */
public final class SecretMask {

    public static final String MASK = "[masked]";

    /** Values this short are too common to mask by value without hiding half the log ("1", "true", "prod"). */
    public static final int MIN_VALUE_LENGTH = 4;

    private static final Pattern KEY_BLOCK = Pattern.compile(
            "-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----.*?(?:-----END [A-Z0-9 ]*PRIVATE KEY-----|\\z)", Pattern.DOTALL);
    private static final Pattern TOKENS = Pattern.compile(String.join("|",
            "\\bxox[a-z]-[A-Za-z0-9-]{6,}",
            "\\bxapp-[A-Za-z0-9-]{6,}",
            "\\bgh[pousr]_[A-Za-z0-9]{20,}",
            "\\bgithub_pat_[A-Za-z0-9_]{20,}",
            "\\b(?:AKIA|ASIA)[A-Z0-9]{16}\\b"));

    private SecretMask() {
    }

    /**
     * {@code text} with every one of {@code secrets} and every token shape replaced by {@value #MASK}. Matches are
     * found on the original text and overlapping or touching ones merge into one mask, so two secrets that overlap
     * leave no piece of either. Secrets shorter than {@value #MIN_VALUE_LENGTH} characters are not matched by value.
     */
    public static String mask(String text, Collection<String> secrets) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        BitSet hidden = new BitSet(text.length());
        cover(hidden, KEY_BLOCK.matcher(text));
        cover(hidden, TOKENS.matcher(text));
        for (String value : values(secrets)) {
            for (int at = text.indexOf(value); at >= 0; at = text.indexOf(value, at + 1)) {
                hidden.set(at, at + value.length());
            }
        }
        if (hidden.isEmpty()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int at = 0;
        for (int from = hidden.nextSetBit(0); from >= 0; from = hidden.nextSetBit(at)) {
            int to = hidden.nextClearBit(from);
            out.append(text, at, from).append(MASK);
            at = to;
        }
        return out.append(text, at, text.length()).toString();
    }

    /** The lines masked as one text (a PEM block spans lines), then split again; a masked block becomes one line. */
    public static List<String> maskLines(List<String> lines, Collection<String> secrets) {
        return List.of(mask(String.join("\n", lines), secrets).split("\n", -1));
    }

    private static void cover(BitSet hidden, Matcher m) {
        while (m.find()) {
            hidden.set(m.start(), m.end());
        }
    }

    private static List<String> values(Collection<String> secrets) {
        List<String> values = new ArrayList<>();
        for (String s : secrets) {
            if (s == null || s.length() < MIN_VALUE_LENGTH) {
                continue;
            }
            values.add(s);
            // A multi-line secret (a key, a certificate) shows up in logs one line at a time too.
            for (String line : s.split("\\R")) {
                if (!line.equals(s) && line.strip().length() >= MIN_VALUE_LENGTH * 2) {
                    values.add(line.strip());
                }
            }
        }
        return values;
    }
}
