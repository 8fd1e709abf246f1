package dev.flightdeck.incident;

import dev.flightdeck.incident.Severity;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/** An incident as stored. {@code number} is n in INC-n; channel and card exist once the declaration reached Slack. */
public record Incident(long number,
                       String title,
                       Severity severity,
                       IncidentStatus status,
                       String commanderId,
                       Optional<String> communicatorId,
                       String declaredBy,
                       Optional<String> declaredIn,
                       Instant startedAt,
                       Optional<Instant> resolvedAt,
                       Optional<Instant> firstUpdateAt,
                       Optional<Instant> lastUpdateAt,
                       Optional<Instant> nextReminderAt,
                       Optional<String> channelId,
                       Optional<String> channelName,
                       Optional<String> cardTs,
                       Set<SetupStep> stepsDone,
                       boolean setupComplete,
                       Optional<SummaryText> summary) {

    public Incident {
        stepsDone = stepsDone.isEmpty() ? EnumSet.noneOf(SetupStep.class) : EnumSet.copyOf(stepsDone);
    }

    /** The four parts people write when resolving; empty until then. */
    public record SummaryText(String summary, String affected, String whatHappened, String prevention) {
    }

    public String id() {
        return idOf(number);
    }

    public static String idOf(long number) {
        return "INC-" + number;
    }

    /** "INC-12" → 12; empty for anything else. The parser already normalises ids to this form. */
    public static Optional<Long> numberOf(String id) {
        if (id == null || !id.startsWith("INC-")) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(id.substring(4)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** This incident as a change left it: what that change's messages are rendered from. */
    public Incident withStatus(IncidentStatus newStatus) {
        return new Incident(number, title, severity, newStatus, commanderId, communicatorId, declaredBy, declaredIn,
                startedAt, resolvedAt, firstUpdateAt, lastUpdateAt, nextReminderAt, channelId, channelName, cardTs,
                stepsDone, setupComplete, summary);
    }

    public boolean isOpen() {
        return status.isOpen();
    }

    public Optional<String> holder(IncidentRole role) {
        return role == IncidentRole.COMMANDER ? Optional.of(commanderId) : communicatorId;
    }

    /** Last update, or the start when there was none: what the cadence counts from. */
    public Instant lastHeardAt() {
        return lastUpdateAt.orElse(startedAt);
    }
}
