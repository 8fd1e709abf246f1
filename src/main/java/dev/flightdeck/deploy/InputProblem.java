package dev.flightdeck.deploy;

import java.util.List;

/** What is wrong with a deploy request as typed; nothing is created. */
public sealed interface InputProblem {

    record NoSuchService(String service, List<String> known) implements InputProblem {
    }

    record NoSuchEnvironment(String environment, List<String> known) implements InputProblem {
    }

    record BadVersion(String version) implements InputProblem {
    }

    record RunnerNotAPerson() implements InputProblem {
    }

    record NoteTooLong(int max) implements InputProblem {
    }

    /** The checklist (the team file's {@code fromTeamFile} items and the typed ones) would have {@code items}. */
    record ChecklistTooLong(int items, int fromTeamFile, int max) implements InputProblem {
    }

    record ChecklistItemTooLong(String item, int max) implements InputProblem {
    }

    /** {@code version} looks like a branch, and {@code environment} takes release versions; {@code allowing}: those that take branches. */
    record BranchNotAllowed(String version, String environment, List<String> allowing) implements InputProblem {
    }
}
