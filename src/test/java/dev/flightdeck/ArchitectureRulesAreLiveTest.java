package dev.flightdeck;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Each rule of ArchitectureTest, run over dev.flightdeck.archfixture (test-only classes that break them on purpose),
 * must fail and name the offender: a rule that cannot fail would pass whatever the code does.
 */
class ArchitectureRulesAreLiveTest {

    static final String FIXTURE = "dev.flightdeck.archfixture";
    static JavaClasses fixture;

    @BeforeAll
    static void importFixture() {
        fixture = new ClassFileImporter().importPackages(FIXTURE);
    }

    @Test
    void theEdgeTechnologyRuleCatchesASlackTypeInTheDomain() {
        assertThatThrownBy(() -> ArchitectureRules.domainUsesNoEdgeTechnology(FIXTURE).check(fixture))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("LeakyDeploy").hasMessageContaining("com.slack.api.model.block.LayoutBlock");
    }

    @Test
    void theAdapterRuleCatchesTheDomainCallingAnAdapter() {
        assertThatThrownBy(() -> ArchitectureRules.domainImportsNoAdapterOrComposition(FIXTURE).check(fixture))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("LeakyDeploy").hasMessageContaining("SlackThing");
    }

    @Test
    void theAdaptersApartRuleCatchesWebCallingSlackAndSparesSlack() {
        assertThatThrownBy(() -> ArchitectureRules.adapterImportsNoOtherAdapter(FIXTURE, "web").check(fixture))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("WebPage").hasMessageContaining("SlackThing");
        ArchitectureRules.adapterImportsNoOtherAdapter(FIXTURE, "slack").check(fixture);
    }

    @Test
    void theMrkdwnRuleCatchesEscapingInTheDomain() {
        assertThatThrownBy(() -> ArchitectureRules.domainEscapesNoMrkdwn(FIXTURE).check(fixture))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("LeakyDeploy").hasMessageContaining("Mrkdwn");
    }

    @Test
    void theKernelRuleCatchesTextCallingAnAdapter() {
        assertThatThrownBy(() -> ArchitectureRules.textKernelStandsAlone(FIXTURE).check(fixture))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("KernelLeak").hasMessageContaining("SlackThing");
    }

    @Test
    void theCommandParsingRuleCatchesTheSlackSdkInAParser() {
        assertThatThrownBy(() -> ArchitectureRules.commandParsingKnowsNothingOfTheSlackSdk(FIXTURE).check(fixture))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("SlackyParser").hasMessageContaining("com.slack.api.model.block.LayoutBlock");
    }

    @Test
    void theMarkupScanFindsTheMentionAndNothingElse() {
        Path sources = Path.of("src/test/java/dev/flightdeck/archfixture");
        assertThat(SlackMarkupInSources.scan(sources, List.of("deploy"), Map.of()))
                .extracting(Object::toString)
                .containsExactly("deploy/LeakyDeploy.java:23: \"<@\"");
    }

    @Test
    void anExemptionCoversOnlyTheLiteralItNames() {
        Path sources = Path.of("src/test/java/dev/flightdeck/archfixture");
        assertThat(SlackMarkupInSources.scan(sources, List.of("deploy"),
                Map.of("deploy/LeakyDeploy.java", Set.of("<@")))).isEmpty();
        assertThat(SlackMarkupInSources.scan(sources, List.of("deploy"),
                Map.of("deploy/LeakyDeploy.java", Set.of("<#")))).hasSize(1);
    }
}
