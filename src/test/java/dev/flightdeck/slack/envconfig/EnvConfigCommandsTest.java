package dev.flightdeck.slack.envconfig;

import com.google.gson.JsonElement;
import dev.flightdeck.testing.FakeSlack;
import dev.flightdeck.text.Mrkdwn;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /deploy config}, {@code config diff}, {@code config check} as signed slash commands, against moto_server:
 * the ack comes at once, the answer arrives at the response_url.
 */
class EnvConfigCommandsTest {

    static EnvConfigWorld world;

    @BeforeAll
    static void start() throws Exception {
        world = EnvConfigWorld.get();
    }

    /** What the person reads: the fallback text and every text in the blocks, entities unescaped. */
    static String shown(FakeSlack.Call call) {
        return Mrkdwn.unescape(call.allText());
    }

    @Test
    void configAcksAtOnceThenListsKeysWithPlainValuesShownAndSecretsMasked() {
        assertThat(world.ack("config commons prod")).isEqualTo("Looking up the configuration of *commons* in *prod*…");

        String text = shown(world.deploy("config commons prod"));

        assertThat(text).contains("Config of commons in prod", "6 keys, 3 secrets")
                .contains("`EMAIL_QUEUE_URL` = `" + AwsSeed.COMMONS_PROD_QUEUE + "`")
                .contains("`DATABASE_URL` = `jdbc:postgresql://db.prod.internal:5432/commons`")
                .contains("`LOG_LEVEL` = `warn`")
                .contains(":lock: `DB_PASSWORD`", "SecureString · v1", ":lock: `API_KEY`", ":lock: `SIGNING_KEY`")
                .containsPattern("`DB_PASSWORD`  ••••••  fingerprint `[0-9a-f]{8}`");
        assertThat(world.seed.secretValues()).allSatisfy(secret -> assertThat(text).doesNotContain(secret));
    }

    @Test
    void diffShowsMissingKeysDifferingValuesAndSecretFingerprintsCompared() {
        String text = shown(world.deploy("config diff commons staging prod"));

        assertThat(text).contains("Config of commons: staging vs prod")
                .contains("*Only in staging (1)*", "`FEATURE_BETA`")
                .contains("*Different values (3)*")
                .contains("`LOG_LEVEL`: staging `debug` → prod `warn`")
                .contains("`EMAIL_QUEUE_URL`: staging `" + AwsSeed.QUEUE + "commons-staging-emails` → prod `"
                        + AwsSeed.COMMONS_PROD_QUEUE + "`")
                .containsPattern(":large_green_circle: `DB_PASSWORD` same in both \\(`[0-9a-f]{8}`\\)")
                .containsPattern(":large_green_circle: `SIGNING_KEY` same in both")
                .containsPattern(":large_blue_circle: `API_KEY` differs: staging `[0-9a-f]{8}`, prod `[0-9a-f]{8}`");
        assertThat(text).doesNotContain("Only in prod");
    }

    @Test
    void diffFlagsAProdValueThatNamesStaging() {
        String text = shown(world.deploy("config diff notifier staging prod"));

        assertThat(text).contains("Suspicious", "`EMAIL_QUEUE_URL` in *prod* names *staging*");
    }

    @Test
    void checkReportsTheReproducedOutageNamingKeyRuleAndTheOtherService() {
        assertThat(world.ack("config check commons prod")).startsWith("Checking the configuration rules of *commons* in *prod*");

        String text = shown(world.deploy("config check commons prod"));

        assertThat(text).contains("Config check of commons in prod", "FAILS: 1 failing")
                .contains(":x: `EMAIL_QUEUE_URL` · _unique-across-services_ · *EMAIL_QUEUE_URL* in prod has the same "
                        + "value as mailer's EMAIL_QUEUE_URL in prod")
                .contains(":white_check_mark: `DATABASE_URL` · _required_")
                .contains(":white_check_mark: `EMAIL_QUEUE_URL` · _differ-across-environments_");
        // Failures come first.
        assertThat(text.indexOf(":x:")).isLessThan(text.indexOf(":white_check_mark: `DATABASE_URL`"));
    }

    @Test
    void checkReportsAProdValueNamingStagingThroughThePatternAndTheSuspiciousValueWarning() {
        String text = shown(world.deploy("config check notifier prod"));

        assertThat(text).contains("FAILS")
                .contains(":x: `EMAIL_QUEUE_URL` · _pattern_ · *EMAIL_QUEUE_URL* in prod is `" + AwsSeed.QUEUE
                        + "notifier-staging-emails`, which does not match `-prod-emails$`")
                .contains(":warning: `EMAIL_QUEUE_URL` · _names another environment_ · *EMAIL_QUEUE_URL* in prod names staging");
    }

    @Test
    void checkPassesWhereTheConfigIsRight() {
        String text = shown(world.deploy("config check commons staging"));

        assertThat(text).contains(":white_check_mark: *passes: 0 failing, 0 not checkable");
    }

    @Test
    void fourHundredParametersAreAllListedWithinSlacksLimits() {
        FakeSlack.Call call = world.deploy("config big prod");

        String text = shown(call);
        assertThat(text).contains("400 keys, 0 secrets");
        for (int i = 0; i < 400; i++) {
            assertThat(text).contains(String.format("`SETTING_%03d` = `value-for-setting-%d`", i, i));
        }
        assertThat(call.blocks().size()).isLessThanOrEqualTo(50);
        for (JsonElement block : call.blocks()) {
            var o = block.getAsJsonObject();
            if (o.get("type").getAsString().equals("section")) {
                assertThat(o.getAsJsonObject("text").get("text").getAsString().length()).isLessThanOrEqualTo(3000);
            }
        }
        assertThat(text).doesNotContain("not shown");
    }

    @Test
    void aServiceWithoutConfigSourcesIsToldWhatToAddAndNothingIsLookedUp() {
        int before = world.slack.calls(FakeSlack.RESPONSE_URL).size();

        assertThat(world.ack("config web prod")).isEqualTo("*web* has no configuration sources in the team config: add "
                + "`config: ssm-path:` or `config: secrets:` under `services: web:`.");
        assertThat(world.ack("config check web prod")).contains("*web* has no configuration sources");
        assertThat(world.slack.calls(FakeSlack.RESPONSE_URL)).hasSize(before);
    }
}
