package dev.flightdeck.slack.deploy;

import dev.flightdeck.deploy.BuildFailure;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class FailureWordsTest {

    @Test
    void aReportNamesTheStepQuotesTheLinesInACodeBlockAndLinksTheBuild() {
        String text = FailureWords.say(new BuildFailure.Report("stage Deploy", List.of("+ ./deploy.sh", "error: exit 1"),
                "https://ci.example.com/job/x/7/"));

        assertThat(text).isEqualTo("Why it failed: it failed in *stage Deploy*. The last 2 lines of its log:\n"
                + "```\n+ ./deploy.sh\nerror: exit 1\n```\nMore info at: https://ci.example.com/job/x/7/");
    }

    @Test
    void logTextCanNeitherPingNorLinkNorCloseTheCodeBlock() {
        String text = FailureWords.say(new BuildFailure.Report(null, List.of(
                "<!channel> <@U0ADMIN> <https://evil.example|click> & @here", "```", "> quoted"), null));

        String quoted = text.substring(text.indexOf("```\n") + 4, text.lastIndexOf("\n```"));
        assertThat(quoted).doesNotContain("<", ">", "```", "@here");
        assertThat(quoted).contains("&lt;!channel&gt; &lt;@U0ADMIN&gt; &lt;https://evil.example|click&gt; &amp; @\u200Bhere");
        assertThat(text).startsWith("Why it failed: it failed. The last 3 lines").doesNotContain("More info");
    }

    @Test
    void aLongLineIsCutAndAnUnreadableLogSaysWhyWithTheLink() {
        String text = FailureWords.say(new BuildFailure.Report("job build", List.of("x".repeat(5000)), null));
        assertThat(text.length()).isLessThan(FailureWords.LINE_MAX + 200);

        assertThat(FailureWords.say(new BuildFailure.Unreadable("Jenkins answered HTTP 403 for its consoleText",
                "https://ci.example.com/job/x/7/"))).isEqualTo("Why it failed: could not read the log: Jenkins answered "
                + "HTTP 403 for its consoleText.\nMore info at: https://ci.example.com/job/x/7/");
        assertThat(FailureWords.say(new BuildFailure.Unreadable("x", "javascript:alert(1)"))).doesNotContain("javascript");
    }
}
