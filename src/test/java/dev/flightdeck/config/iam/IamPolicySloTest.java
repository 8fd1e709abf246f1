package dev.flightdeck.config.iam;

import dev.flightdeck.config.TeamConfigParser;
import dev.flightdeck.team.TeamConfig;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The IAM policy lets Flightdeck read the metrics of error budgets when, and only when, a service has an slo. */
class IamPolicySloTest {

    static TeamConfig team(String slo) {
        return TeamConfigParser.parseText("flightdeck.yml", """
                flightdeck:
                  environments:
                    prod: { channel: "#d", approvals: 0 }
                  services:
                    shop:
                      build: { codebuild: { project: "shop-{env}" } }
                %s""".formatted(slo)).orElseThrow();
    }

    @Test
    void aServiceWithAnSloAddsGetMetricData() {
        TeamConfig withSlo = team("""
                      slo:
                        objective: 99.9%
                        good: { namespace: Shop/Requests, metric: Good }
                        total: { namespace: Shop/Requests, metric: Total }
                """);

        assertThat(IamPolicy.statements(withSlo, "eu-west-1", "123456789012"))
                .contains(new IamPolicy.Statement("ReadSloMetrics", java.util.List.of("cloudwatch:GetMetricData"),
                        java.util.List.of("*"), java.util.Map.of()));
        assertThat(IamPolicy.statements(team(""), "eu-west-1", "123456789012"))
                .extracting(IamPolicy.Statement::sid).doesNotContain("ReadSloMetrics");
    }
}
