package dev.flightdeck;

import com.tngtech.archunit.lang.ArchRule;

import java.util.List;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The dependency rules of the house, written once against a root package so that the same rules run over the real
 * code ({@code dev.flightdeck}) and over a small fixture of deliberate violations ({@code dev.flightdeck.archfixture}),
 * which proves each rule can fail.
 */
final class ArchitectureRules {

    /** Where the rules of the business live; tested with plain JUnit against fakes of their ports. */
    static final List<String> DOMAIN = List.of(
            "deploy", "incident", "envconfig", "alarms", "metrics", "audit", "health", "people", "team");
    /** Where Flightdeck meets the outside; each meets the others only through the domain's ports. */
    static final List<String> ADAPTERS = List.of("slack", "web", "persistence", "aws", "build", "alerts",
            "pager", "tracker", "flagproviders");
    /** What wires the house together or watches it run; the domain must work without any of it. */
    static final List<String> COMPOSITION = List.of("config", "demo", "telemetry", "logging");
    static final String[] EDGE_TECHNOLOGY = {
            "com.slack..", "software.amazon..", "io.micronaut.http..", "io.micronaut.data.."};

    private ArchitectureRules() {
    }

    static ArchRule domainUsesNoEdgeTechnology(String root) {
        return noClasses().that().resideInAnyPackage(packages(root, DOMAIN))
                .should().dependOnClassesThat().resideInAnyPackage(EDGE_TECHNOLOGY)
                .because("domain logic is tested with plain JUnit against fakes of its ports")
                .allowEmptyShould(true);
    }

    static ArchRule domainImportsNoAdapterOrComposition(String root) {
        String[] outside = concat(packages(root, ADAPTERS), packages(root, COMPOSITION), new String[]{root});
        return noClasses().that().resideInAnyPackage(packages(root, DOMAIN))
                .should().dependOnClassesThat().resideInAnyPackage(outside)
                .because("adapters depend on the domain, never the other way round; the domain sees them as ports")
                .allowEmptyShould(true);
    }

    static ArchRule adapterImportsNoOtherAdapter(String root, String adapter) {
        List<String> others = ADAPTERS.stream().filter(a -> !a.equals(adapter)).toList();
        return noClasses().that().resideInAPackage(root + "." + adapter + "..")
                .should().dependOnClassesThat().resideInAnyPackage(packages(root, others))
                .because("adapters meet only through the domain's ports, so each can be replaced on its own")
                .allowEmptyShould(true);
    }

    /** The domain speaks no chat: escaping for Slack's mrkdwn belongs to the Slack feature that renders the words. */
    static ArchRule domainEscapesNoMrkdwn(String root) {
        return noClasses().that().resideInAnyPackage(packages(root, DOMAIN))
                .should().dependOnClassesThat().haveFullyQualifiedName(root + ".text.Mrkdwn")
                .because("the domain returns outcomes and people as ids; the Slack feature chooses every word")
                .allowEmptyShould(true);
    }

    /** Command parsing is plain text in, commands out: testable without a Slack SDK or a Micronaut context. */
    static ArchRule commandParsingKnowsNothingOfTheSlackSdk(String root) {
        return noClasses().that().resideInAPackage(root + ".slack.command..")
                .should().dependOnClassesThat().resideInAnyPackage("com.slack..", "io.micronaut..")
                .allowEmptyShould(true);
    }

    /**
     * The shared kernel (text/, wake/, the waker every scheduled job runs on, and secrets/, credentials by the name of
     * their environment variable) is plain Java every layer may use, so it may use none of them, nor any framework.
     */
    static ArchRule textKernelStandsAlone(String root) {
        String[] ours = concat(packages(root, DOMAIN), packages(root, ADAPTERS), packages(root, COMPOSITION),
                new String[]{root});
        // Micronaut's generated bean definitions ($Wakeups$Definition) are the framework's, not the kernel's code.
        return noClasses().that().resideInAnyPackage(root + ".text..", root + ".wake..", root + ".secrets..")
                .and().haveNameNotMatching(".*\\.\\$.*")
                .should().dependOnClassesThat().resideInAnyPackage(concat(ours, new String[]{"io.micronaut..", "com.slack..",
                        "software.amazon.."}))
                .because("every layer may use text/ and wake/, so they can use none of them without a cycle")
                .allowEmptyShould(true);
    }

    private static String[] packages(String root, List<String> names) {
        return names.stream().map(n -> root + "." + n + "..").toArray(String[]::new);
    }

    private static String[] concat(String[]... parts) {
        return java.util.Arrays.stream(parts).flatMap(java.util.Arrays::stream).toArray(String[]::new);
    }
}
