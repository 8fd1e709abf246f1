package dev.flightdeck.web.deploys;

import dev.flightdeck.deploy.CheckResult;
import dev.flightdeck.people.NameBook;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The deploy page's word for each check: a check CI still holds reads "waiting", never "passed". */
class CheckLinesTest {

    @Test
    void eachCheckReadsAsWhatItDoesToTheDeploy() {
        CheckResult waiting = new CheckResult("ci", false, "waiting for CI: e2e", null, null, true,
                Instant.parse("2026-12-07T04:00:00Z"), "a".repeat(40));
        assertThat(DeployViews.check(waiting, NameBook.empty()).result()).isEqualTo("waiting");
        assertThat(DeployViews.check(waiting.overriddenBy("U0LEAD", "ran e2e by hand"), NameBook.empty()).result())
                .isEqualTo("overridden");
        assertThat(DeployViews.check(CheckResult.passed("lock", "free"), NameBook.empty()).result()).isEqualTo("passed");
        assertThat(DeployViews.check(CheckResult.blocked("alarms", "in ALARM"), NameBook.empty()).result())
                .isEqualTo("blocked");
    }
}
