package dev.flightdeck.slack.deploy;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import dev.flightdeck.deploy.DeployRepository;
import dev.flightdeck.deploy.DeployRequest;
import dev.flightdeck.deploy.DeployState;
import dev.flightdeck.deploy.FakeBuildBackend;
import dev.flightdeck.testing.FakeMessage;
import dev.flightdeck.testing.FakeSlack;
import dev.flightdeck.testing.MutableClock;
import dev.flightdeck.testing.SignedRequest;
import dev.flightdeck.testing.SignedRequests;
import dev.flightdeck.testing.TestApp;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** Drives the deploy flow through the real edge (signed requests) and reads what Slack and the database saw. */
public final class DeployDriver {

    public static final String REQUESTER = "U0REQUEST1";
    public static final String RUNNER = "U0RUNNER01";
    public static final String RM1 = "U0RMGR0001";
    public static final String RM2 = "U0RMGR0002";
    public static final String LEAD = "U0LEAD";
    public static final String DEVELOPER = "U0DEVLPR01";
    public static final String OUTSIDER = "U0OUTSIDE1";
    public static final Duration WAIT = Duration.ofSeconds(30); // generous: a loaded 2-core CI machine is slow, a pass is not

    private static final AtomicInteger VERSIONS = new AtomicInteger();
    private static final Set<FakeSlack> SEEDED = ConcurrentHashMap.newKeySet();

    public final FakeSlack slack;
    public final MutableClock clock;
    private final EmbeddedServer server;
    public final String commandChannel;

    public DeployDriver(FakeSlack slack, EmbeddedServer server) {
        this.slack = slack;
        this.server = server;
        this.clock = server.getApplicationContext().getBean(MutableClock.class);
        seed(slack);
        this.commandChannel = slack.channel("deploy-commands").orElseThrow().id();
    }

    public static DeployDriver shared() {
        TestApp app = TestApp.shared("deploys");
        return new DeployDriver(app.slack, app.server);
    }

    /** The example team file's channels and user groups, once per fake Slack. */
    public static void seed(FakeSlack slack) {
        synchronized (SEEDED) {
            if (SEEDED.add(slack)) {
                for (String user : List.of(REQUESTER, RUNNER, RM1, RM2, LEAD, DEVELOPER, OUTSIDER)) {
                    slack.addUser(user, "user-" + user.toLowerCase(java.util.Locale.ROOT));
                }
                for (String name : List.of("deploys", "deploys-dev", "deploy-commands")) {
                    if (slack.channel(name).isEmpty()) {
                        slack.addChannel(name, REQUESTER, RUNNER, RM1, RM2, LEAD, DEVELOPER, OUTSIDER);
                    }
                }
                slack.addUserGroup("release-managers", List.of(RM1, RM2));
                slack.addUserGroup("developers", List.of(DEVELOPER, REQUESTER));
            }
        }
    }

    public static String newVersion() {
        return "5.11." + VERSIONS.incrementAndGet() + "-t" + (System.nanoTime() % 100_000);
    }

    /**
     * Moves the clock forward (never back: other tests on the shared app rely on time only moving on) to the next
     * Monday 10:00 in Los Angeles, inside prod's window (Mon-Thu 09:00-16:00 America/Los_Angeles), or to the next
     * Sunday 10:00 there, outside it. At least a day ahead, so a test's own later moves stay in the future.
     */
    public Instant moveToWindow(boolean inside) {
        java.time.ZonedDateTime t = clock.instant().atZone(java.time.ZoneId.of("America/Los_Angeles")).plusDays(1)
                .withHour(10).withMinute(0).withSecond(0).withNano(0);
        java.time.DayOfWeek day = inside ? java.time.DayOfWeek.MONDAY : java.time.DayOfWeek.SUNDAY;
        while (t.getDayOfWeek() != day) {
            t = t.plusDays(1);
        }
        clock.set(t.toInstant());
        return t.toInstant();
    }

    public ApplicationContext context() {
        return server.getApplicationContext();
    }

    public URI uri() {
        return server.getURI();
    }

    public SignedRequests signed() {
        return new SignedRequests(TestApp.SIGNING_SECRET, clock).forWorkspace(slack);
    }

    public record Posted(long id, String channel, String ts, String ack, String responseUrl) {
    }

    public SignedRequest.Reply command(String text, String user, String responseUrl) {
        SignedRequest.Reply reply = signed().slashCommand("/deploy", text, user, commandChannel, responseUrl).send(uri());
        assertThat(reply.status()).isEqualTo(200);
        return reply;
    }

    /** Sends the request command and waits for its go/no-go message. */
    public Posted request(String service, String version, String env, String user, String extra) {
        String responseUrl = slack.responseUrl();
        SignedRequest.Reply reply = command(service + " " + version + " to " + env + extra, user, responseUrl);
        String ack = reply.json().getAsJsonObject().get("text").getAsString();
        FakeSlack.Call post = slack.awaitCall("chat.postMessage", c -> c.param("thread_ts") == null && c.ok()
                && c.text() != null && c.text().contains("using version " + version), WAIT);
        JsonElement response = post.response();
        String channel = response.getAsJsonObject().get("channel").getAsString();
        String ts = response.getAsJsonObject().get("ts").getAsString();
        long id = awaitRequest(service, env, version).id();
        return new Posted(id, channel, ts, ack, responseUrl);
    }

    public DeployRequest awaitRequest(String service, String env, String version) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            Optional<DeployRequest> r = repository().history(service, Optional.of(env), 200).stream()
                    .filter(x -> x.version().equals(version) && x.messageTs() != null).findFirst();
            if (r.isPresent()) {
                return r.get();
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no stored request for " + service + " " + version + " to " + env);
            }
            pause();
        }
    }

    public SignedRequest.Reply click(String actionId, Posted p, String user) {
        return click(actionId, String.valueOf(p.id()), p.channel(), p.ts(), user);
    }

    public SignedRequest.Reply click(String actionId, String value, String channel, String ts, String user) {
        SignedRequest.Reply reply = signed().blockAction(actionId, DeploySlackIds.DEPLOY_ACTIONS_BLOCK, value, user, channel, ts,
                slack.responseUrl()).send(uri());
        assertThat(reply.status()).isEqualTo(200);
        return reply;
    }

    public DeployRequest awaitState(long id, DeployState state) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            DeployRequest r = repository().find(id).orElseThrow();
            if (r.state() == state) {
                return r;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("deploy #" + id + " is " + r.state() + ", expected " + state);
            }
            pause();
        }
    }

    public FakeSlack.Call awaitThreadReply(Posted p, String containing) {
        // allText: build news carries its text in a coloured attachment.
        return slack.awaitCall("chat.postMessage", c -> p.ts().equals(c.param("thread_ts"))
                && c.allText().contains(containing), WAIT);
    }

    public FakeSlack.Call awaitEphemeral(String user, String containing) {
        return slack.awaitCall("chat.postEphemeral", c -> c.ok() && user.equals(c.param("user")) && c.text() != null
                && c.text().contains(containing), WAIT);
    }

    public FakeSlack.Call awaitUpdate(Posted p, String containing) {
        return slack.awaitCall("chat.update", c -> p.ts().equals(c.param("ts")) && c.param("blocks") != null
                && unescaped(c.param("blocks")).contains(containing), WAIT);
    }

    /** The blocks JSON as sent, with Gson's HTML-safe escapes undone, for "contains" on mentions. */
    static String unescaped(String json) {
        return json.replace("\\u003c", "<").replace("\\u003e", ">").replace("\\u003d", "=").replace("\\u0026", "&")
                .replace("\\u0027", "'");
    }

    public FakeMessage message(Posted p) {
        return slack.messagesIn(p.channel()).stream().filter(m -> m.ts().equals(p.ts())).findFirst().orElseThrow();
    }

    public List<FakeMessage> thread(Posted p) {
        return slack.messagesIn(p.channel()).stream().filter(m -> p.ts().equals(m.threadTs()) && !m.ts().equals(p.ts())).toList();
    }

    /** action_id → value of the message's buttons. */
    public static List<String[]> buttons(FakeMessage m) {
        List<String[]> out = new ArrayList<>();
        for (JsonElement block : m.blocks()) {
            if (block.getAsJsonObject().get("type").getAsString().equals("actions")) {
                JsonArray elements = block.getAsJsonObject().getAsJsonArray("elements");
                elements.forEach(e -> out.add(new String[]{e.getAsJsonObject().get("action_id").getAsString(),
                        e.getAsJsonObject().get("value").getAsString()}));
            }
        }
        return out;
    }

    public DeployRepository repository() {
        return context().getBean(DeployRepository.class);
    }

    public FakeBuildBackend backend() {
        return context().getBean(FakeBuildBackend.class);
    }

    /** Ends every deploy still holding a lock, so later tests are not blocked by earlier ones. */
    public void finishInFlight() {
        for (DeployRequest r : repository().inStates(DeployState.IN_FLIGHT, Optional.empty(), 500)) {
            var service = context().getBean(dev.flightdeck.deploy.DeployService.class);
            if (r.state() == DeployState.APPROVED || r.state() == DeployState.TRIGGER_FAILED) {
                service.cancel(r.id(), r.requesterId());
            } else {
                service.buildStatus(r.id(), dev.flightdeck.deploy.DeployEvent.BUILD_ABORTED, null, null);
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
