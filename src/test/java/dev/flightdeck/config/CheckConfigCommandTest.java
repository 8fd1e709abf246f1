package dev.flightdeck.config;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CheckConfigCommandTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return CheckConfigCommand.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aValidFileSaysOkWithCounts() {
        assertThat(run("flightdeck.example.yml")).isZero();
        assertThat(out()).isEqualTo("OK: 3 environments, 4 services" + System.lineSeparator());
        assertThat(err()).isEmpty();
    }

    @Test
    void theCommandNameItselfMayBeIncluded() {
        assertThat(run("check-config", "src/test/resources/teamconfig/minimal.yml")).isZero();
        assertThat(out()).startsWith("OK: 1 environment, 0 services");
    }

    @Test
    void errorsArePrintedOnePerLineAndExitOne() {
        String file = "src/test/resources/teamconfig/three-mistakes.yml";
        assertThat(run(file)).isEqualTo(1);
        assertThat(out().lines()).hasSize(3).allMatch(l -> l.startsWith(file + ": flightdeck."));
        assertThat(out()).contains("flightdeck.environments.prod.approvals: must be a whole number >= 0, got \"one\"");
        assertThat(err()).contains("3 errors");
    }

    @Test
    void aSyntaxErrorFailsTheCheck() {
        assertThat(run("src/test/resources/teamconfig/syntax-error.yml")).isEqualTo(1);
        assertThat(out()).contains("line 6");
    }

    @Test
    void severalFilesAreMergedAsAtStartUp() {
        // minimal.yml alone is valid; laid over the three mistakes it does not fix them.
        assertThat(run("src/test/resources/teamconfig/three-mistakes.yml",
                "src/test/resources/teamconfig/minimal.yml")).isEqualTo(1);
        assertThat(run("flightdeck.example.yml", "src/test/resources/teamconfig/minimal.yml")).isZero();
        assertThat(out()).endsWith("OK: 3 environments, 4 services" + System.lineSeparator());
    }

    @Test
    void usageErrorsAndMissingFilesExitTwo() {
        assertThat(run()).isEqualTo(2);
        assertThat(err()).startsWith("usage: flightdeck check-config [--iam [--region R] [--account N]] FILE");
        err.reset();
        assertThat(run("check-config")).isEqualTo(2);
        assertThat(run("--verbose", "flightdeck.example.yml")).isEqualTo(2);
        err.reset();
        assertThat(run("nope/flightdeck.yml")).isEqualTo(2);
        assertThat(err()).contains("nope/flightdeck.yml: file not found");
        assertThat(out()).isEmpty();
    }

    @Test
    void helpGoesToStandardOutput() {
        assertThat(run("--help")).isZero();
        assertThat(out()).startsWith("usage: flightdeck check-config");
    }
}
