package dev.flightdeck.persistence.followup;

import dev.flightdeck.incident.followup.FollowUp;
import dev.flightdeck.incident.followup.FollowUpState;
import dev.flightdeck.incident.followup.FollowUpStore;
import dev.flightdeck.incident.followup.FollowUpTransitions;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** What the follow-up store promises, on H2 and PostgreSQL: each change wins once, the due queries find what is due. */
abstract class FollowUpStoreContract {

    /** The context's reminder, export and poll jobs would move rows under the tests. */
    static final java.util.Map<String, String> NO_WAKERS = java.util.Map.of("flightdeck.follow-ups.wake", "false");

    @Inject
    FollowUpStore store;

    final Instant t0 = Instant.parse("2026-12-07T10:00:00.123456Z");

    FollowUp added(String owner, LocalDate due, FollowUp.Export export) {
        long incident = ThreadLocalRandom.current().nextLong(1, 1_000_000_000L);
        return store.add(new FollowUpStore.NewFollowUp(incident, "Add an alarm on queue depth", Optional.of(
                "https://acme.slack.com/archives/C1/p1"), owner, "U0IC", t0, due, FollowUpTransitions.firstReminder(due),
                export));
    }

    @Test
    void anAddedFollowUpReadsBackAsGiven() {
        LocalDate due = LocalDate.parse("2026-12-20");
        FollowUp f = added("U0DANA", due, FollowUp.Export.pending(t0));

        FollowUp read = store.find(f.id()).orElseThrow();
        assertThat(read).isEqualTo(f);
        assertThat(read.text()).isEqualTo("Add an alarm on queue depth");
        assertThat(read.due()).isEqualTo(due);
        assertThat(read.state()).isEqualTo(FollowUpState.OPEN);
        assertThat(read.createdAt()).isEqualTo(t0);
        assertThat(read.nextRemindAt()).contains(Instant.parse("2026-12-20T09:00:00Z"));
        assertThat(read.export().state()).isEqualTo(FollowUp.ExportState.PENDING);
        assertThat(store.ofIncident(f.incidentNumber())).containsExactly(read);
    }

    @Test
    void ofTwoWritesFromTheSameVersionOneWins() {
        FollowUp f = added("U0DANA", LocalDate.parse("2026-12-20"), FollowUp.Export.none());

        Optional<FollowUp> done = store.update(FollowUpTransitions.closed(f, FollowUpState.DONE, "U0DANA", "", t0)
                .orElseThrow());
        Optional<FollowUp> wontDo = store.update(FollowUpTransitions.closed(f, FollowUpState.WONT_DO, "U0KIM", "dup", t0)
                .orElseThrow());

        assertThat(done).isPresent();
        assertThat(wontDo).isEmpty();
        FollowUp read = store.find(f.id()).orElseThrow();
        assertThat(read.state()).isEqualTo(FollowUpState.DONE);
        assertThat(read.closedBy()).contains("U0DANA");
        assertThat(read.nextRemindAt()).as("no reminders once closed").isEmpty();
        assertThat(FollowUpTransitions.closed(read, FollowUpState.WONT_DO, "U0KIM", "", t0)).isEmpty();
    }

    @Test
    void aReminderIsDueOnceAndMovesOnAWeek() {
        LocalDate due = LocalDate.parse("2026-12-21");
        FollowUp f = added("U0REM" + ThreadLocalRandom.current().nextInt(1_000_000), due, FollowUp.Export.none());
        Instant at = FollowUpTransitions.firstReminder(due);

        assertThat(store.dueReminders(at.minusSeconds(1), 1000)).extracting(FollowUp::id).doesNotContain(f.id());
        List<FollowUp> due1 = store.dueReminders(at, 1000).stream().filter(x -> x.id() == f.id()).toList();
        assertThat(due1).hasSize(1);
        assertThat(store.nextReminder()).hasValueSatisfying(n -> assertThat(n).isBeforeOrEqualTo(at));

        FollowUp claimed = store.update(FollowUpTransitions.reminded(due1.get(0), at)).orElseThrow();
        assertThat(store.update(FollowUpTransitions.reminded(due1.get(0), at))).as("the other replica").isEmpty();
        assertThat(claimed.nextRemindAt()).contains(at.plus(Duration.ofDays(7)));
        assertThat(claimed.reminders()).isEqualTo(1);
        assertThat(store.dueReminders(at.plusSeconds(60), 1000)).extracting(FollowUp::id).doesNotContain(f.id());
    }

    @Test
    void anExportedFollowUpIsFoundByItsIssue() {
        FollowUp f = added("U0DANA", LocalDate.parse("2026-12-20"), FollowUp.Export.pending(t0));
        assertThat(store.dueExports(t0, 1000)).extracting(FollowUp::id).contains(f.id());
        String key = "acme/ops#" + f.id();

        FollowUp exported = store.update(FollowUpTransitions.exported(f, new FollowUp.Export(FollowUp.ExportState.DONE,
                Optional.of(key), Optional.of("https://github.com/acme/ops/issues/" + f.id()), 1, Optional.empty(),
                Optional.empty()))).orElseThrow();

        assertThat(store.byExportKey(key)).contains(exported);
        assertThat(store.dueExports(t0.plusSeconds(3600), 1000)).extracting(FollowUp::id).doesNotContain(f.id());
        assertThat(store.openExported("acme/ops#", 0, 10_000)).extracting(FollowUp::id).contains(f.id());
        assertThat(store.openExported("acme/ops#", f.id(), 10_000)).as("the next page starts after the id")
                .extracting(FollowUp::id).doesNotContain(f.id());
        assertThat(store.openExported("OPS-", 0, 10_000)).extracting(FollowUp::id).doesNotContain(f.id());
    }
}
