package dev.flightdeck.config;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code flightdeck check-config FILE...}: the start-up check of the team config without starting the server, for
 * teams to lint flightdeck.yml in their own CI. Several files are merged as at start-up.
 * <p>
 * Exit codes: 0 valid, 1 the config has errors (one per line on {@code out}), 2 usage error or missing file.
 */
public final class CheckConfigCommand {
    public static final String NAME = "check-config";
    static final String USAGE = "usage: flightdeck check-config FILE [FILE...]\n"
            + "  Checks a team config (flightdeck.yml) and lists every error with its key path.\n"
            + "  Several files are merged in order, later ones winning, as with MICRONAUT_CONFIG_FILES.\n"
            + "  Exit status: 0 valid, 1 errors found, 2 usage error or file not found.";

    private CheckConfigCommand() {
    }

    /** args may start with "check-config" itself; the rest are file paths. */
    public static int run(List<String> args, PrintStream out, PrintStream err) {
        List<String> rest = new ArrayList<>(args);
        if (!rest.isEmpty() && NAME.equals(rest.get(0))) {
            rest.remove(0);
        }
        if (rest.size() == 1 && (rest.get(0).equals("-h") || rest.get(0).equals("--help"))) {
            out.println(USAGE);
            return 0;
        }
        if (rest.isEmpty() || rest.stream().anyMatch(a -> a.startsWith("-"))) {
            err.println(USAGE);
            return 2;
        }
        List<Path> files = rest.stream().map(Path::of).toList();
        List<Path> missing = files.stream().filter(f -> !Files.isRegularFile(f)).toList();
        if (!missing.isEmpty()) {
            missing.forEach(f -> err.println(NAME + ": " + f + ": file not found"));
            return 2;
        }
        ParseResult result = TeamConfigParser.parseFiles(files);
        if (result instanceof ParseResult.Valid valid) {
            out.println("OK: " + count(valid.config().environments().size(), "environment") + ", "
                    + count(valid.config().services().size(), "service"));
            return 0;
        }
        List<ConfigError> errors = ((ParseResult.Invalid) result).errors();
        errors.forEach(out::println);
        err.println(NAME + ": " + count(errors.size(), "error"));
        return 1;
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
