package dev.flightdeck.incident.access;

import dev.flightdeck.audit.Auditor;
import dev.flightdeck.audit.InMemoryAuditLog;
import dev.flightdeck.deploy.ApprovalPolicy;
import dev.flightdeck.deploy.ApproverRef;
import dev.flightdeck.incident.FreezeLiftPolicy;
import dev.flightdeck.incident.Incident;
import dev.flightdeck.incident.IncidentResolution;
import dev.flightdeck.incident.IncidentResult;
import dev.flightdeck.incident.IncidentService;
import dev.flightdeck.incident.IncidentsConfig;
import dev.flightdeck.incident.LifecycleListeners;
import dev.flightdeck.incident.Severity;
import dev.flightdeck.incident.fakes.FakePeople;
import dev.flightdeck.incident.fakes.InMemoryIncidentRepository;
import dev.flightdeck.people.PersonNames;
import dev.flightdeck.health.HealthChecksConfig;
import dev.flightdeck.metrics.MetricsConfig;
import dev.flightdeck.team.TeamConfig;
import dev.flightdeck.team.WebhooksConfig;
import dev.flightdeck.testing.MutableClock;
import dev.flightdeck.wake.Wakeups;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The break-glass job on in-memory fakes, for what Identity Center does only sometimes: a pending status followed,
 * errors retried with backoff, a failure said, a grant given up on (and undone), a revocation retried until done,
 * a request nobody decided, and each move recorded once however often the job runs.
 */
class AccessJobTest {

    static final String DANA = "U0DANA";
    static final String LEAD = "U0LEAD";
    static final String CMD = "U0CMD";

    final MutableClock clock = MutableClock.at("2026-12-07T10:00:00Z");
    final InMemoryIncidentRepository repository = new InMemoryIncidentRepository();
    final InMemoryAuditLog audit = new InMemoryAuditLog();
    final Auditor auditor = new Auditor(audit, payload -> new TreeMap<>(payload).toString(), clock);
    final FakePeople people = new FakePeople();
    final AccessConfig config = new AccessConfig("arn:aws:sso:::instance/ssoins-1234567890abcdef", "d-1234567890",
            "111122223333", Map.of("ReadOnly", "arn:aws:sso:::permissionSet/ssoins-1234567890abcdef/ps-abcdef1234567890"),
            Duration.ofHours(4), List.of(new ApproverRef.User(LEAD)), true);
    final TeamConfig team = new TeamConfig(Map.of(), Map.of(), new IncidentsConfig(Optional.empty(), Optional.empty(),
            IncidentsConfig.defaultUpdateEvery(), "pushpin", Optional.empty(), Map.of(), Optional.empty(),
            Optional.of(config)), WebhooksConfig.NONE, MetricsConfig.DEFAULTS, HealthChecksConfig.DEFAULTS,
            Map.of("dana-gh", DANA));
    final InMemoryAccessStore store = new InMemoryAccessStore();
    final ScriptedIdentityCenter aws = new ScriptedIdentityCenter();
    final Map<String, String> emails = new java.util.HashMap<>(Map.of(DANA, "dana@corp.example.com"));
    final List<String> news = new ArrayList<>();
    final AccessNews recording = new AccessNews() {
        @Override
        public void requested(AccessGrant grant, Incident incident, List<ApproverRef> approvers, boolean commanderMay) {
            news.add("requested " + grant.id());
        }

        @Override
        public void changed(AccessGrant grant, Incident incident) {
            news.add(grant.state().label() + " " + grant.id());
        }
    };
    final AccessRecord record = new AccessRecord(repository, auditor, recording, clock);
    final AccessWork work = new AccessWork(store, aws, id -> Optional.ofNullable(emails.get(id)), repository, team, record);
    final AccessJob job = new AccessJob(store, work, clock);
    final FreezeLiftPolicy freezeLifts = new FreezeLiftPolicy(team, new ApprovalPolicy(people));
    final IncidentService incidents = new IncidentService(repository, auditor, clock, team, freezeLifts,
            new LifecycleListeners(List.of(job)));
    final IncidentResolution resolution = new IncidentResolution(incidents, repository, auditor, freezeLifts,
            new PersonNames(List.of(people)));
    final IncidentAccess access = new IncidentAccess(incidents, team, store, people, record, recording,
            new Wakeups(clock), clock);

    Incident incident(Severity severity) {
        return ((IncidentResult.Declared) incidents.declare("Queue stuck", severity, CMD, "C0OPS")).incident();
    }

    AccessGrant approved() {
        Incident i = incident(Severity.SEV2);
        AccessGrant asked = ((AccessOutcome.Requested) access.request(Optional.of(i.id()), null, DANA, "readonly",
                Optional.of(Duration.ofHours(2)), "look")).grant();
        assertThat(access.decide(asked.id(), LEAD, true)).isInstanceOf(AccessOutcome.Granting.class);
        aws.users.put("dana@corp.example.com", "p-dana");
        return store.find(asked.id()).orElseThrow();
    }

    AccessGrant now(AccessGrant g) {
        return store.find(g.id()).orElseThrow();
    }

    long audited(String type) {
        return audit.all().stream().filter(e -> e.type().equals(type)).count();
    }

    @Test
    void aPendingCreationIsFollowedUntilItSucceeds() {
        AccessGrant g = approved();
        aws.creates.add(ScriptedIdentityCenter.pending("c-7"));
        aws.creationStatuses.add(ScriptedIdentityCenter.pending("c-7"));

        job.runDue();
        assertThat(now(g).state()).isEqualTo(AccessState.GRANTING);
        assertThat(now(g).awsRequestId()).contains("c-7");
        assertThat(job.runDue()).as("not before the follow-up is due").isZero();
        clock.advance(AccessWork.FOLLOW);
        job.runDue();
        clock.advance(AccessWork.FOLLOW);
        job.runDue();

        assertThat(now(g).state()).isEqualTo(AccessState.ACTIVE);
        assertThat(now(g).expiresAt()).contains(clock.instant().plus(Duration.ofHours(2)));
        assertThat(aws.calls).containsExactly("userId dana@corp.example.com", "create p-dana", "creationStatus c-7",
                "creationStatus c-7");
        assertThat(audited("incident.access.granted")).isEqualTo(1);
    }

    @Test
    void errorsAreRetriedWithBackoffAndAGrantGivenUpOnIsUndone() {
        AccessGrant g = approved();
        for (int i = 0; i < AccessWork.MAX_GRANT_ATTEMPTS; i++) {
            aws.creates.add(new IdentityCenter.Unavailable("AWS answered ThrottlingException (HTTP 400)", null));
        }
        job.runDue();
        assertThat(now(g).state()).isEqualTo(AccessState.GRANTING);
        assertThat(now(g).dueAt()).contains(clock.instant().plus(AccessWork.backoff(1)));
        for (int i = 1; i < AccessWork.MAX_GRANT_ATTEMPTS; i++) {
            clock.advance(AccessWork.backoff(i));
            job.runDue();
        }

        AccessGrant after = now(g);
        assertThat(after.state()).as("the last creation may have landed: undone").isIn(AccessState.REVOKING,
                AccessState.REVOKED);
        job.runDue();
        assertThat(now(g).state()).isEqualTo(AccessState.REVOKED);
        assertThat(now(g).endReason()).contains(AccessGrant.End.GAVE_UP);
        assertThat(aws.calls).contains("delete p-dana");
        assertThat(AccessWork.backoff(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(AccessWork.backoff(20)).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void anAwsFailureEndsTheRequestAndIsSaid() {
        AccessGrant g = approved();
        aws.creates.add(ScriptedIdentityCenter.failed("Permission set not provisioned"));

        job.runDue();

        assertThat(now(g).state()).isEqualTo(AccessState.FAILED);
        assertThat(now(g).lastError()).contains("Permission set not provisioned");
        assertThat(news).contains("failed " + g.id());
        assertThat(job.runDue()).isZero();
    }

    @Test
    void theTeamFilesPeopleNameIsTriedWhenTheEmailFindsNoUser() {
        AccessGrant g = approved();
        aws.users.clear();
        aws.users.put("dana-gh", "p-gh");

        job.runDue();

        assertThat(now(g).principalId()).contains("p-gh");
        assertThat(aws.calls).startsWith("userId dana@corp.example.com", "userId dana-gh");
    }

    @Test
    void aRevocationIsRetriedUntilDoneAndRecordedOnce() {
        AccessGrant g = approved();
        job.runDue();
        aws.deletes.add(new IdentityCenter.Unavailable("AWS could not be reached", null));
        aws.deletes.add(ScriptedIdentityCenter.failed("Conflict"));

        clock.advance(Duration.ofHours(2));
        job.runDue();
        assertThat(now(g).state()).isEqualTo(AccessState.REVOKING);
        clock.advance(Duration.ofMinutes(1));
        job.runDue();
        assertThat(now(g).state()).isEqualTo(AccessState.REVOKING);
        clock.advance(Duration.ofMinutes(5));
        job.runDue();
        job.runDue();

        assertThat(now(g).state()).isEqualTo(AccessState.REVOKED);
        assertThat(now(g).endReason()).contains(AccessGrant.End.EXPIRED);
        assertThat(aws.calls.stream().filter(c -> c.startsWith("delete"))).hasSize(3);
        assertThat(audited("incident.access.revoked")).isEqualTo(1);
        assertThat(news.stream().filter(n -> n.equals("revoked " + g.id()))).hasSize(1);
    }

    @Test
    void aRequestNobodyDecidesLapsesAndResolvingEndsWhatIsLeft() {
        Incident i = incident(Severity.SEV1);
        AccessGrant waiting = ((AccessOutcome.Requested) access.request(Optional.of(i.id()), null, DANA, "ReadOnly",
                Optional.empty(), "look")).grant();
        assertThat(waiting.duration()).isEqualTo(Duration.ofHours(1));

        clock.advance(Duration.ofHours(4));
        job.runDue();
        assertThat(now(waiting).state()).isEqualTo(AccessState.LAPSED);
        assertThat(now(waiting).endReason()).contains(AccessGrant.End.NOT_DECIDED);

        AccessGrant second = ((AccessOutcome.Requested) access.request(Optional.of(i.id()), null, DANA, "ReadOnly",
                Optional.empty(), "again")).grant();
        assertThat(access.decide(second.id(), CMD, true)).as("the commander of a sev1").isInstanceOf(
                AccessOutcome.Granting.class);
        AccessGrant third = ((AccessOutcome.Requested) access.request(Optional.of(i.id()), null, DANA, "ReadOnly",
                Optional.empty(), "and again")).grant();
        aws.users.put("dana@corp.example.com", "p-dana");
        job.grantNow(second.id());
        assertThat(now(second).state()).isEqualTo(AccessState.ACTIVE);

        resolution.resolve(i.number(), new Incident.SummaryText("s", "a", "w", "p"), CMD);

        assertThat(now(second).state()).isEqualTo(AccessState.REVOKED);
        assertThat(now(second).endReason()).contains(AccessGrant.End.RESOLVED);
        assertThat(now(third).state()).isEqualTo(AccessState.LAPSED);
        assertThat(store.nextDue()).isEmpty();
        assertThat(access.decide(third.id(), CMD, true)).isInstanceOf(AccessOutcome.AlreadyDecided.class);
    }

    @Test
    void anIncidentResolvedWhileNobodyListenedHasItsAccessEndedAtTheNextStart() {
        AccessGrant granted = approved();
        job.grantNow(granted.id());
        assertThat(now(granted).state()).isEqualTo(AccessState.ACTIVE);
        // The resolve is stored but its prompt never reaches the job (the process stopped in between).
        repository.resolve(granted.incident(), clock.instant(), new Incident.SummaryText("s", "a", "w", "p"));
        assertThat(job.runDue()).as("nothing is due before the grant's expiry").isZero();
        assertThat(now(granted).state()).isEqualTo(AccessState.ACTIVE);

        assertThat(new AccessJob(store, work, clock).catchUp()).isEqualTo(1);

        assertThat(now(granted).state()).isEqualTo(AccessState.REVOKED);
        assertThat(now(granted).endReason()).contains(AccessGrant.End.RESOLVED);
        assertThat(new AccessJob(store, work, clock).catchUp()).as("once").isZero();
    }
}
