package dev.flightdeck;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds string literals in Java sources that start a piece of Slack markup: a user mention {@code <@}, a channel
 * {@code <#} or a special mention or date {@code <!} (subteam, here, channel, date). Bytecode does not keep where a
 * string came from, so this reads the sources; comments and char literals are skipped, text blocks are read.
 */
final class SlackMarkupInSources {

    /**
     * {@code (?<!} is a regular expression's negative lookbehind, not Slack's {@code <!}: a pattern like
     * {@code (?<![a-z])} in a word match is no markup.
     */
    static final Pattern MARKUP = Pattern.compile("<@|<#|(?<!\\(\\?)<!");

    /** One literal, where it is (path relative to the scanned root, with {@code /}) and its text as written. */
    record Finding(String file, int line, String literal) {
        @Override
        public String toString() {
            return file + ":" + line + ": \"" + literal + "\"";
        }
    }

    private SlackMarkupInSources() {
    }

    /**
     * Every markup literal in the given packages under {@code sourceRoot}, except those in {@code exempt} (file to
     * the exact literals allowed there, each with its reason where the map is built).
     */
    static List<Finding> scan(Path sourceRoot, List<String> packages, Map<String, Set<String>> exempt) {
        List<Finding> found = new ArrayList<>();
        for (String pkg : packages) {
            Path dir = sourceRoot.resolve(pkg);
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                    String name = sourceRoot.relativize(file).toString().replace('\\', '/');
                    for (Finding f : literals(name, Files.readString(file))) {
                        if (MARKUP.matcher(f.literal()).find() && !exempt.getOrDefault(name, Set.of()).contains(f.literal())) {
                            found.add(f);
                        }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return found;
    }

    /** The string literals and text blocks of one source file, as written (escapes left as they are). */
    static List<Finding> literals(String file, String src) {
        List<Finding> out = new ArrayList<>();
        int line = 1;
        int i = 0;
        while (i < src.length()) {
            char c = src.charAt(i);
            if (src.startsWith("//", i)) {
                int eol = src.indexOf('\n', i);
                i = eol < 0 ? src.length() : eol;
                continue;
            } else if (src.startsWith("/*", i)) {
                int end = endOf(src, "*/", i + 2);
                line += count(src, i, end);
                i = end;
                continue;
            } else if (src.startsWith("\"\"\"", i)) {
                int end = closing(src, i + 3, "\"\"\"");
                out.add(new Finding(file, line, src.substring(i + 3, end - 3)));
                line += count(src, i, end);
                i = end;
                continue;
            } else if (c == '"' || c == '\'') {
                int end = closing(src, i + 1, String.valueOf(c));
                if (c == '"') {
                    out.add(new Finding(file, line, src.substring(i + 1, end - 1)));
                }
                i = end;
                continue;
            } else if (c == '\n') {
                line++;
            }
            i++;
        }
        return out;
    }

    /** The index just after {@code close}, skipping backslash escapes; the end of the text if it never closes. */
    private static int closing(String src, int from, String close) {
        int i = from;
        while (i < src.length()) {
            if (src.charAt(i) == '\\') {
                i += 2;
            } else if (src.startsWith(close, i)) {
                return i + close.length();
            } else {
                i++;
            }
        }
        return src.length();
    }

    private static int endOf(String src, String close, int from) {
        int at = src.indexOf(close, from);
        return at < 0 ? src.length() : at + close.length();
    }

    private static int count(String src, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            n += src.charAt(i) == '\n' ? 1 : 0;
        }
        return n;
    }
}
