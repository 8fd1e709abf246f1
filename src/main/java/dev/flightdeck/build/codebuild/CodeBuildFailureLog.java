package dev.flightdeck.build.codebuild;

import dev.flightdeck.deploy.BuildFailure;
import jakarta.inject.Singleton;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cloudwatchlogs.model.OutputLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceNotFoundException;
import software.amazon.awssdk.services.codebuild.model.Build;
import software.amazon.awssdk.services.codebuild.model.BuildPhase;
import software.amazon.awssdk.services.codebuild.model.LogsLocation;

import java.util.List;
import java.util.Optional;

/**
 * Why a CodeBuild build failed: {@code BatchGetBuilds} names its failed phase and its CloudWatch Logs group and
 * stream; {@code GetLogEvents} (newest first page, read backwards from the end) gives the last lines.
 */
@Singleton
public class CodeBuildFailureLog {

    /** Events asked for: a CodeBuild event is usually one line, sometimes a few. */
    static final int EVENTS = 100;

    private final CodeBuildClients clients;

    public CodeBuildFailureLog(CodeBuildClients clients) {
        this.clients = clients;
    }

    public BuildFailure read(String buildUrl) {
        Optional<String> id = CodeBuildBackend.buildId(buildUrl);
        if (id.isEmpty()) {
            return new BuildFailure.Unreadable("CodeBuild did not say which build it was", buildUrl);
        }
        try {
            List<Build> builds = clients.get().batchGetBuilds(b -> b.ids(id.get())).builds();
            if (builds.isEmpty()) {
                return new BuildFailure.Unreadable("CodeBuild has no build " + id.get(), buildUrl);
            }
            Build build = builds.get(0);
            String phase = build.phases() == null ? null : build.phases().stream()
                    .filter(p -> "FAILED".equals(p.phaseStatusAsString()) || "FAULT".equals(p.phaseStatusAsString())
                            || "TIMED_OUT".equals(p.phaseStatusAsString()))
                    .map(BuildPhase::phaseTypeAsString).findFirst().orElse(null);
            LogsLocation logs = build.logs();
            if (logs == null || logs.groupName() == null || logs.streamName() == null) {
                return new BuildFailure.Unreadable("CodeBuild names no CloudWatch Logs stream for this build", buildUrl);
            }
            return stream(logs.groupName(), logs.streamName(), phase == null ? null : "phase " + phase, buildUrl);
        } catch (SdkException | CodeBuildClients.AwsNotConfiguredException e) {
            return new BuildFailure.Unreadable("AWS did not answer BatchGetBuilds (" + e.getClass().getSimpleName() + ")", buildUrl);
        }
    }

    /** The last lines of one CloudWatch Logs stream, read from its end. */
    public BuildFailure stream(String group, String stream, String step, String link) {
        try {
            List<OutputLogEvent> events = clients.logs().getLogEvents(r -> r.logGroupName(group).logStreamName(stream)
                    .startFromHead(false).limit(EVENTS)).events();
            StringBuilder text = new StringBuilder();
            for (OutputLogEvent e : events) {
                String message = e.message() == null ? "" : e.message();
                text.append(message).append(message.endsWith("\n") ? "" : "\n");
            }
            return new BuildFailure.Report(step, BuildFailure.tail(text.toString()), link);
        } catch (ResourceNotFoundException e) {
            return new BuildFailure.Unreadable("its CloudWatch Logs stream " + group + " " + stream + " does not exist", link);
        } catch (SdkException | CodeBuildClients.AwsNotConfiguredException e) {
            return new BuildFailure.Unreadable("CloudWatch Logs did not answer (" + e.getClass().getSimpleName() + ")", link);
        }
    }
}
