package dev.flightdeck.build;

import dev.flightdeck.build.codebuild.CodeBuildBackend;
import dev.flightdeck.build.codebuild.CodeBuildStatuses;
import dev.flightdeck.deploy.BuildPhase;
import dev.flightdeck.deploy.BuildReports;
import dev.flightdeck.team.BuildBackendConfig;
import dev.flightdeck.team.TeamConfig;
import jakarta.inject.Singleton;

import java.util.Optional;

/**
 * {@link BuildReports} for CodeBuild's own events: the event's status read through CodeBuild's status table (the
 * poll's), the build named as {@link CodeBuildBackend#trigger} names the builds it starts ({@code reports-prod build #7}
 * and its console page), then handed to {@link BuildStatusSink} like a webhook's or a poll's answer. So a deploy's
 * build moves its deploy through the same transitions, and another build is announced through the same path, once.
 */
@Singleton
public class CodeBuildEvents implements BuildReports {

    private final TeamConfig team;
    private final BuildStatusSink sink;
    private final CodeBuildBackend codeBuild;

    public CodeBuildEvents(TeamConfig team, BuildStatusSink sink, CodeBuildBackend codeBuild) {
        this.team = team;
        this.sink = sink;
        this.codeBuild = codeBuild;
    }

    @Override
    public boolean buildsWithCodeBuild(String project) {
        return team.services().values().stream().anyMatch(s -> team.environments().keySet().stream()
                .anyMatch(env -> s.buildFor(env) instanceof BuildBackendConfig.CodeBuild c && c.project().equals(project)));
    }

    @Override
    public Outcome codeBuild(CodeBuildReport report) {
        Optional<BuildPhase> phase = CodeBuildStatuses.phase(report.status(), report.complete());
        if (phase.isEmpty()) {
            return new Outcome.Ignored("CodeBuild status " + report.status()
                    + " says nothing until the build is complete");
        }
        // No deploy id: the build's page (its unique id) ties it to the deploy that started it. Recent events carry
        // the number; the documented example does not, and then CodeBuild is asked.
        Optional<Long> number = report.number().or(() -> codeBuild.buildNumber(report.buildArn()));
        String label = report.project() + " build " + number.map(n -> "#" + n).orElse(uuidOf(report.buildArn()));
        String who = report.initiator().isBlank() ? null : report.initiator();
        BuildEvent event = new BuildEvent("codebuild", report.project(), label, phase.get(),
                CodeBuildBackend.consoleUrl(report.buildArn()), who, Optional.empty(), null);
        BuildStatusSink.Result result = sink.accept(event);
        return result.ignored() ? new Outcome.Ignored(result.text()) : new Outcome.Taken(result.text());
    }

    private static String uuidOf(String arn) {
        return arn.substring(arn.lastIndexOf(':') + 1);
    }
}
