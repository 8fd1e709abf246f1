package dev.flightdeck.slack.envconfig.change;

import com.google.gson.GsonBuilder;
import com.slack.api.util.json.GsonFactory;
import dev.flightdeck.envconfig.change.ChangeKind;
import dev.flightdeck.envconfig.change.ChangeNews;
import dev.flightdeck.envconfig.change.ChangeState;
import dev.flightdeck.envconfig.change.ConfigChange;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static dev.flightdeck.slack.envconfig.change.ChangeTestData.NEW_URL;
import static dev.flightdeck.slack.envconfig.change.ChangeTestData.OLD_URL;
import static org.assertj.core.api.Assertions.assertThat;

/** The request message as the channel sees it, for a plain and a secret change, in each state that matters. */
class ChangeRequestMessageTest {

    private static String json(ChangeRequestMessage m) {
        return GsonFactory.createSnakeCase().toJson(m.blocks());
    }

    private static ChangeRequestMessage render(ConfigChange c) {
        return new ChangeRequestMessage(c, ChangeTestData.prod(), "<@U0LEAD>", Optional.empty());
    }

    private static List<String> buttons(ChangeRequestMessage m) {
        return m.blocks().stream().filter(b -> b instanceof com.slack.api.model.block.ActionsBlock)
                .flatMap(b -> ((com.slack.api.model.block.ActionsBlock) b).getElements().stream())
                .map(e -> ((com.slack.api.model.block.element.ButtonElement) e).getActionId()).toList();
    }

    @Test
    void aPlainChangeAsksTheApproversAndShowsOldAndNew() {
        ChangeRequestMessage m = render(ChangeTestData.plain(12, OLD_URL, NEW_URL, ChangeState.PROPOSED, false));

        assertThat(m.text()).isEqualTo("I'm about to change EMAIL_QUEUE_URL of commons in PROD, <@U0LEAD> am I clear to go?");
        assertThat(ChangeRequestMessage.values(m.change())).isEqualTo("`" + OLD_URL + "` → `" + NEW_URL + "`");
        assertThat(json(m)).contains("U0PROPOSER").contains("Expires").contains("config_actions:12");
        assertThat(buttons(m)).containsExactly("config_go", "config_nogo", "config_cancel");
        System.out.println("=== CONFIG CHANGE REQUEST (plain) — Block Kit ===\n"
                + new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(com.google.gson.JsonParser.parseString(json(m)))
                + "\n=== END ===");
    }

    @Test
    void aSecretShowsFingerprintsOnlyAndNewKeyForAnAbsentSide() {
        ChangeRequestMessage existing = render(ChangeTestData.secret(13, true, ChangeState.PROPOSED));
        ChangeRequestMessage fresh = render(ChangeTestData.secret(14, false, ChangeState.PROPOSED));

        assertThat(ChangeRequestMessage.values(existing.change())).isEqualTo("`a1b2c3d4` → `9f8e7d6c`");
        assertThat(ChangeRequestMessage.values(fresh.change())).isEqualTo("(new key) → `9f8e7d6c`");
        assertThat(json(existing)).contains("Fingerprint").contains("only fingerprints are shown");
        System.out.println("=== CONFIG CHANGE REQUEST (secret) — Block Kit ===\n"
                + new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(com.google.gson.JsonParser.parseString(json(existing)))
                + "\n=== END ===");
    }

    @Test
    void typedTextIsEscapedAndALongValueShortened() {
        String typed = "<!channel> <https://evil.example|click> & " + "x/".repeat(400);
        ChangeRequestMessage m = render(ChangeTestData.plain(15, null, typed, ChangeState.PROPOSED, false));

        String values = ChangeRequestMessage.values(m.change());
        assertThat(values).startsWith("(new key) → `&lt;!channel&gt; &lt;https://evil.example|click&gt; &amp; ")
                .contains("more characters").doesNotContain("<!channel>");
        assertThat(values.length()).isLessThan(ChangeRequestMessage.MAX_VALUE + 100);
    }

    @Test
    void aFailingRuleIsNamedAndBlocksUntilOverridden() {
        ChangeRequestMessage m = render(ChangeTestData.plain(16, OLD_URL, "https://example.com/q", ChangeState.PROPOSED, true));

        assertThat(ChangeRequestMessage.rules(m.change())).contains(":no_entry: *pattern*: *EMAIL_QUEUE_URL* in prod is "
                + "`https://example.com/q`, which does not match").contains("blocked — an approver may override with a reason");
        assertThat(buttons(m)).containsExactly("config_go", "config_nogo", "config_cancel", "config_override");
    }

    @Test
    void aFinishedChangeHasNoButtonsAndAFailedOneOffersRetryAndCancel() {
        ConfigChange failed = ChangeTestData.plain(17, OLD_URL, NEW_URL, ChangeState.FAILED, false);
        failed = new ConfigChange(failed.id(), failed.target(), failed.kind(), failed.value(), failed.proposerId(),
                failed.state(), failed.approvedBy(), failed.rules(), false, Optional.empty(), Optional.empty(),
                failed.timers(), failed.message(), "", Optional.of("SSM said ThrottlingException after 5 tries"));

        assertThat(buttons(render(failed))).containsExactly("config_retry", "config_cancel");
        assertThat(json(render(failed))).contains("FAILED").contains("ThrottlingException");
        for (ChangeState done : List.of(ChangeState.APPLIED, ChangeState.REJECTED, ChangeState.CANCELLED,
                ChangeState.EXPIRED, ChangeState.CONFLICTED, ChangeState.APPLYING)) {
            assertThat(buttons(render(ChangeTestData.plain(18, OLD_URL, NEW_URL, done, false)))).as(done.name()).isEmpty();
        }
    }

    @Test
    void theChannelHearsAWrittenChangeInTheTeamsWords() {
        ConfigChange c = ChangeTestData.plain(19, OLD_URL, NEW_URL, ChangeState.APPLIED, false);

        assertThat(ChangeNewsWords.announcement(c, new ChangeNews.Applied("U0LEAD", "3", "4")))
                .isEqualTo("PROD: config EMAIL_QUEUE_URL of commons changed by <@U0LEAD> (version 3 → 4)");
        assertThat(ChangeNewsWords.thread(c, new ChangeNews.Conflicted("5",
                Optional.of("arn:aws:iam::123456789012:user/<!here>")), "<@U0LEAD>"))
                .contains("now version 5, changed by arn:aws:iam::123456789012:user/&lt;!here&gt;");
        assertThat(ChangeNewsWords.thread(c, new ChangeNews.Nudged(2), "<@U0LEAD>")).startsWith("<@U0LEAD> change #19");
    }

    @Test
    void anUnsetSaysRemove() {
        ConfigChange c = ChangeTestData.plain(20, OLD_URL, NEW_URL, ChangeState.PROPOSED, false);
        ConfigChange unset = new ConfigChange(c.id(), c.target(), ChangeKind.UNSET, c.value(), c.proposerId(), c.state(),
                List.of(), List.of(), false, Optional.empty(), Optional.of(7L), c.timers(), c.message(), "", Optional.empty());

        assertThat(render(unset).text()).startsWith("I'm about to remove EMAIL_QUEUE_URL of commons in PROD");
        assertThat(ChangeRequestMessage.values(unset)).endsWith("→ (removed)");
        assertThat(json(render(unset))).contains("reverts change #7");
    }
}
