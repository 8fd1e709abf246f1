package dev.flightdeck;

import dev.flightdeck.config.CheckConfigCommand;
import dev.flightdeck.config.ParseResult;
import dev.flightdeck.config.TeamConfigFiles;
import dev.flightdeck.config.TeamConfigParser;
import dev.flightdeck.demo.DemoTeamFile;
import dev.flightdeck.persistence.backup.H2BackupCommand;
import dev.flightdeck.slack.edge.EarlyEdge;
import dev.flightdeck.slack.edge.EarlyEdgeSettings;
import dev.flightdeck.team.TeamConfig;
import io.micronaut.runtime.Micronaut;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

public class Application {

    public static void main(String[] args) {
        if (args.length > 0 && CheckConfigCommand.NAME.equals(args[0])) {
            System.exit(CheckConfigCommand.run(List.of(args), System.out, System.err));
        }
        if (args.length > 0 && H2BackupCommand.handles(args[0])) {
            System.exit(H2BackupCommand.run(List.of(args), System.getenv(), System.out, System.err));
        }
        boolean demo = Arrays.asList(args).contains("--demo");
        if (demo) {
            DemoTeamFile.useExampleWhenNoneGiven();
        }
        // Check the team file before Micronaut reads it as a property source: a YAML syntax error would
        // otherwise surface as Micronaut's message without the file name, and we want every error listed.
        List<Path> teamFiles = TeamConfigFiles.fromProcess();
        ParseResult team = TeamConfigParser.parseFiles(teamFiles);
        if (team instanceof ParseResult.Invalid invalid) {
            Logger log = LoggerFactory.getLogger(Application.class);
            log.error("The team config has {} error(s); Flightdeck will not start:\n{}", invalid.errors().size(),
                    String.join("\n", invalid.errors().stream().map(Object::toString).toList()));
            System.exit(1);
        }
        Micronaut micronaut = Micronaut.build(withoutDemoFlag(args)).mainClass(Application.class);
        earlyEdge(teamFiles, ((ParseResult.Valid) team).config()).ifPresent(micronaut::singletons);
        micronaut.start();
    }

    /**
     * Slack's first requests answered while Micronaut starts (slack.edge.EarlyEdge), when its settings are certain to
     * agree with Micronaut's; empty otherwise, and when the port is taken (Micronaut then says so as it always did).
     */
    static Optional<EarlyEdge> earlyEdge(List<Path> teamFiles, TeamConfig config) {
        Optional<EarlyEdgeSettings> settings = EarlyEdgeSettings.from(System.getenv(), System.getProperties(),
                TeamConfigParser.keyPaths(teamFiles), config == null ? Set.of() : config.environments().keySet(),
                config == null ? Set.of() : config.services().keySet());
        if (settings.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(EarlyEdge.start(settings.get(), Clock.systemUTC()));
        } catch (IOException | RuntimeException e) {
            LoggerFactory.getLogger(Application.class).warn("The early Slack edge did not start ({}); Slack is answered "
                    + "once the service has started", e.toString());
            return Optional.empty();
        }
    }

    /**
     * {@code --demo} asks for demo data in an empty database ({@link dev.flightdeck.demo.DemoData}); it becomes the
     * property {@value dev.flightdeck.demo.DemoStartup#PROPERTY} and is not passed on as a Micronaut argument.
     */
    static String[] withoutDemoFlag(String[] args) {
        if (Arrays.asList(args).contains("--demo")) {
            System.setProperty(dev.flightdeck.demo.DemoStartup.PROPERTY, "true");
        }
        return Arrays.stream(args).filter(a -> !"--demo".equals(a)).toArray(String[]::new);
    }
}
