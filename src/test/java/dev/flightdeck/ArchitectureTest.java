package dev.flightdeck;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** Domain packages stay free of Slack, AWS, HTTP and persistence types (they meet through the domain's ports). */
class ArchitectureTest {

    static final String[] DOMAIN = {
            "dev.flightdeck.deploy..", "dev.flightdeck.incident..", "dev.flightdeck.envconfig..",
            "dev.flightdeck.alarms..", "dev.flightdeck.metrics..", "dev.flightdeck.audit..", "dev.flightdeck.people.."};
    static final String[] EDGES = {"com.slack..", "software.amazon..", "io.micronaut.http..", "io.micronaut.data.."};

    static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.flightdeck");
    }

    @Test
    void domainPackagesImportNoEdgeTechnology() {
        ArchRule rule = noClasses().that().resideInAnyPackage(DOMAIN)
                .should().dependOnClassesThat().resideInAnyPackage(EDGES)
                .because("domain logic is tested with plain JUnit against fakes of its ports")
                .allowEmptyShould(true);
        rule.check(classes);
    }

    @Test
    void commandParsingKnowsNothingOfTheSlackSdk() {
        noClasses().that().resideInAPackage("dev.flightdeck.slack.command..")
                .should().dependOnClassesThat().resideInAnyPackage("com.slack..", "io.micronaut..")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void theRuleCatchesAViolation() {
        // Proves the rule is live: the Slack edge itself does depend on the Slack SDK.
        ArchRule edge = noClasses().that().resideInAPackage("dev.flightdeck.slack")
                .should().dependOnClassesThat().resideInAnyPackage("com.slack..");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> edge.check(classes)).isInstanceOf(AssertionError.class);
    }
}
