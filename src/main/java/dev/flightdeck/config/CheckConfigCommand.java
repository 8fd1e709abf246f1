package dev.flightdeck.config;

import dev.flightdeck.config.iam.IamPolicy;

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
    static final String USAGE = "usage: flightdeck check-config [--iam [--region R] [--account N]] FILE [FILE...]\n"
            + "  Checks a team config (flightdeck.yml) and lists every error with its key path.\n"
            + "  Several files are merged in order, later ones winning, as with MICRONAUT_CONFIG_FILES.\n"
            + "  --iam prints the least-privilege IAM policy for the file on standard output\n"
            + "  (resources for every service and environment; region and account default to *).\n"
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
        IamOptions iam;
        try {
            iam = IamOptions.take(rest);
        } catch (IllegalArgumentException e) {
            err.println(NAME + ": " + e.getMessage());
            err.println(USAGE);
            return 2;
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
        if (result instanceof ParseResult.Valid valid && iam.wanted()) {
            if (IamPolicy.statements(valid.config(), iam.region(), iam.account()).isEmpty()) {
                err.println(NAME + ": this team config reads nothing from AWS, so Flightdeck needs no IAM permissions");
                return 0;
            }
            out.print(IamPolicy.json(valid.config(), iam.region(), iam.account()));
            err.println("OK: " + count(valid.config().environments().size(), "environment") + ", "
                    + count(valid.config().services().size(), "service"));
            return 0;
        }
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

    /** {@code --iam [--region R] [--account N]}, removed from args as they are read. */
    record IamOptions(boolean wanted, String region, String account) {
        static IamOptions take(List<String> args) {
            boolean wanted = args.remove("--iam");
            String region = value(args, "--region", "[a-z]{2}(-[a-z]+)+-[0-9]|\\*");
            String account = value(args, "--account", "[0-9]{12}|\\*");
            if (!wanted && (region != null || account != null)) {
                throw new IllegalArgumentException("--region and --account go with --iam");
            }
            return new IamOptions(wanted, region == null ? "*" : region, account == null ? "*" : account);
        }

        private static String value(List<String> args, String flag, String pattern) {
            int i = args.indexOf(flag);
            if (i < 0) {
                return null;
            }
            if (i + 1 >= args.size() || !args.get(i + 1).matches(pattern)) {
                throw new IllegalArgumentException(flag + " needs a value like " + ("--region".equals(flag)
                        ? "eu-west-1" : "123456789012"));
            }
            String v = args.get(i + 1);
            args.remove(i + 1);
            args.remove(i);
            return v;
        }
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
