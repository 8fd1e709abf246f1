package dev.flightdeck;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The house's rules over the main code: the domain imports no edge technology, no adapter and nothing that wires the
 * house together; adapters never import each other; the domain writes no Slack markup. ArchitectureRulesAreLiveTest
 * runs the same rules over deliberate violations to show that each can fail.
 */
class ArchitectureTest {

    static final String ROOT = "dev.flightdeck";
    static final Path MAIN_SOURCES = Path.of("src/main/java/dev/flightdeck");

    /**
     * Literals the markup scan allows, by file: NameBook owns the one token for a person inside stored text. Typed
     * text (titles, notes, updates) arrives from Slack with people as {@code <@U…>}, so the timeline keeps that form
     * for people it writes itself too (a role change), and NameBook reads every such token back as a name on the
     * pages and in the summary. It is the storage format of a person in text, written and read in one class.
     */
    static final Map<String, Set<String>> READS_MARKUP = Map.of(
            "people/NameBook.java", Set.of("<@([UW][A-Z0-9]{2,})(?:\\\\|[^>]*)?>", "<@"));

    static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(ROOT);
    }

    static List<String> adapters() {
        return ArchitectureRules.ADAPTERS;
    }

    @Test
    void domainUsesNoEdgeTechnology() {
        ArchitectureRules.domainUsesNoEdgeTechnology(ROOT).check(classes);
    }

    @Test
    void domainImportsNoAdapterNorWhatWiresTheHouse() {
        ArchitectureRules.domainImportsNoAdapterOrComposition(ROOT).check(classes);
    }

    @ParameterizedTest(name = "{0} imports no other adapter")
    @MethodSource("adapters")
    void adaptersDoNotDependOnEachOther(String adapter) {
        ArchitectureRules.adapterImportsNoOtherAdapter(ROOT, adapter).check(classes);
    }

    @Test
    void domainEscapesNoMrkdwn() {
        ArchitectureRules.domainEscapesNoMrkdwn(ROOT).check(classes);
    }

    @Test
    void domainSourcesBuildNoSlackMarkup() {
        assertThat(SlackMarkupInSources.scan(MAIN_SOURCES, ArchitectureRules.DOMAIN, READS_MARKUP))
                .as("string literals in the domain that start Slack markup (<@, <#, <!): the Slack feature renders them")
                .isEmpty();
    }

    @Test
    void textKernelStandsAlone() {
        ArchitectureRules.textKernelStandsAlone(ROOT).check(classes);
    }

    @Test
    void commandParsingKnowsNothingOfTheSlackSdk() {
        ArchitectureRules.commandParsingKnowsNothingOfTheSlackSdk(ROOT).check(classes);
    }
}
