package dev.flightdeck.aws.events;

import dev.flightdeck.deploy.BuildReports;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;

/**
 * CodeBuild's own "CodeBuild Build State Change" (source {@code aws.codebuild}): {@code detail} names the project,
 * the build's ARN, its status and, under {@code additional-information}, whether it is complete, who started it, its
 * number (recent events). Only read here; what it means is {@link BuildReports}'s: a
 * build Flightdeck started settles its deploy now rather than at the next poll, and any other build of a service's
 * project is announced as other foreign builds are. A project no service builds with is ignored, saying so.
 *
 * <p>The build's own id (in its ARN) is what ties it to a deploy, never the FLIGHTDECK_DEPLOY_ID variable the event
 * may list: whoever may start a build may set that variable, and must not settle another service's deploy with it.
 */
@Singleton
public class CodeBuildStateRoute implements AwsEventRoute {

    public static final String DETAIL_TYPE = "CodeBuild Build State Change";
    public static final String SOURCE = "aws.codebuild";
    private static final Logger LOG = LoggerFactory.getLogger(CodeBuildStateRoute.class);

    private final BuildReports reports;

    public CodeBuildStateRoute(BuildReports reports) {
        this.reports = reports;
    }

    @Override
    public String detailType() {
        return DETAIL_TYPE;
    }

    @Override
    public String source() {
        return SOURCE;
    }

    @Override
    public Plan plan(AwsEvent event) {
        Optional<String> project = event.detail("project-name").filter(p -> !p.isBlank());
        Optional<String> build = event.detail("build-id").filter(b -> !b.isBlank());
        Optional<String> status = event.detail("build-status").filter(s -> !s.isBlank());
        if (project.isEmpty() || build.isEmpty() || status.isEmpty()) {
            return Plan.invalid("a CodeBuild Build State Change without detail."
                    + (project.isEmpty() ? "project-name" : build.isEmpty() ? "build-id" : "build-status"));
        }
        if (!reports.buildsWithCodeBuild(project.get())) {
            return Plan.ignored("no service builds with the CodeBuild project "
                    + AwsEventsController.shown(project.get()));
        }
        BuildReports.CodeBuildReport report = new BuildReports.CodeBuildReport(project.get(), build.get(), status.get(),
                event.detail("additional-information.build-complete").map(Boolean::parseBoolean).orElse(false),
                event.detail("additional-information.build-number").flatMap(CodeBuildStateRoute::number),
                event.detail("additional-information.initiator").orElse(""));
        String name = project.get() + " " + status.get();
        return Plan.accepted(name, () -> {
            BuildReports.Outcome outcome = reports.codeBuild(report);
            LOG.info("CodeBuild event {} for {}: {}", event.id(), AwsEventsController.shown(name),
                    AwsEventsController.shown(outcome.text()));
        });
    }

    /** CodeBuild writes numbers as JSON numbers, some of its examples as {@code 55.0}. */
    private static Optional<Long> number(String text) {
        try {
            double d = Double.parseDouble(text);
            return d >= 1 && d == Math.rint(d) && d < Long.MAX_VALUE ? Optional.of((long) d) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
