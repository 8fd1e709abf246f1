package dev.flightdeck.aws.events;

import com.google.gson.JsonObject;
import dev.flightdeck.deploy.BuildReports;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the CodeBuild route reads from AWS's published example (vendor/aws/codebuild-build-state-change.json) and
 * hands to {@link BuildReports}, against a recording port: the fields, the build number when an event carries it
 * (older versions of the example write it as {@code 55.0}), and what it refuses. Only the fields named are changed.
 */
class CodeBuildStatePlanTest {

    static final String ARN =
            "arn:aws:codebuild:us-west-2:123456789012:build/my-sample-project:8745a7a9-c340-456a-9166-edf953571bEX";

    /** A port that knows the example's project and records what it was given. */
    static final class Recording implements BuildReports {
        final List<CodeBuildReport> reports = new ArrayList<>();

        @Override
        public boolean buildsWithCodeBuild(String project) {
            return project.equals("my-sample-project");
        }

        @Override
        public Outcome codeBuild(CodeBuildReport report) {
            reports.add(report);
            return new Outcome.Taken("announced");
        }
    }

    final Recording port = new Recording();
    final CodeBuildStateRoute route = new CodeBuildStateRoute(port);

    AwsEvent example(java.util.function.Consumer<JsonObject> change) throws AwsEvent.Malformed {
        JsonObject o = AwsVendorEvents.json("codebuild-build-state-change.json");
        change.accept(o.getAsJsonObject("detail"));
        return AwsEvent.parse(o.toString());
    }

    @Test
    void theExampleIsReadIntoOneReportWhenItsWorkRuns() throws Exception {
        AwsEventRoute.Plan plan = route.plan(example(d -> { }));

        assertThat(plan.kind()).isEqualTo(AwsEventRoute.Plan.Kind.ACCEPTED);
        assertThat(plan.name()).isEqualTo("my-sample-project SUCCEEDED");
        assertThat(port.reports).isEmpty();
        plan.work().run();
        assertThat(port.reports).containsExactly(new BuildReports.CodeBuildReport("my-sample-project", ARN, "SUCCEEDED",
                true, Optional.empty(), "MyCodeBuildDemoUser"));
    }

    @Test
    void aBuildNumberIsTakenAsCodeBuildWritesIt() throws Exception {
        route.plan(example(d -> d.getAsJsonObject("additional-information").addProperty("build-number", 55.0))).work().run();
        route.plan(example(d -> d.getAsJsonObject("additional-information").addProperty("build-number", "not a number")))
                .work().run();

        assertThat(port.reports).extracting(BuildReports.CodeBuildReport::number)
                .containsExactly(Optional.of(55L), Optional.empty());
    }

    @Test
    void aRunningBuildIsReportedNotYetComplete() throws Exception {
        route.plan(example(d -> {
            d.addProperty("build-status", "IN_PROGRESS");
            d.getAsJsonObject("additional-information").addProperty("build-complete", false);
        })).work().run();

        assertThat(port.reports).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo("IN_PROGRESS");
            assertThat(r.complete()).isFalse();
        });
    }

    @Test
    void whatTheTypeMustCarryIsNamedAndAnUnknownProjectIsIgnoredSayingWhich() throws Exception {
        assertThat(route.plan(example(d -> d.remove("project-name"))).text())
                .isEqualTo("a CodeBuild Build State Change without detail.project-name");
        assertThat(route.plan(example(d -> d.remove("build-status"))).kind()).isEqualTo(AwsEventRoute.Plan.Kind.INVALID);
        AwsEventRoute.Plan other = route.plan(example(d -> d.addProperty("project-name", "payroll\n<!here>")));
        assertThat(other.kind()).isEqualTo(AwsEventRoute.Plan.Kind.IGNORED);
        assertThat(other.text()).isEqualTo("no service builds with the CodeBuild project payroll <!here>");
        assertThat(port.reports).isEmpty();
    }
}
