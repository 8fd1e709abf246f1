package dev.flightdeck.slack;

import dev.flightdeck.testing.SlackManifest;
import dev.flightdeck.testing.SlackScopes;
import dev.flightdeck.testing.TestApp;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * manifest.yml against the code: the bot holds exactly the scopes the Web API methods it calls need (in public and,
 * where Flightdeck reads or posts there, private channels), and every event it subscribes to is answered 200.
 */
class ManifestTest {

    /** Methods Flightdeck may use in a private channel (a private deploy, incidents or stakeholder channel). */
    static final Set<String> USED_IN_PRIVATE_CHANNELS = Set.of("chat.postMessage", "chat.update", "chat.postEphemeral",
            "conversations.history", "conversations.replies", "conversations.list");

    static final Pattern GATEWAY_CALL = Pattern.compile("\\.call\\(\\s*\"([a-z]+(?:\\.[a-zA-Z]+)+)\"");
    static final Pattern BOLT_CALL = Pattern.compile(
            "\\.(auth|chat|conversations|pins|reactions|usergroups|users|views|apps)([A-Z][A-Za-z]*)\\(");

    final SlackManifest manifest = SlackManifest.load();

    @Test
    void everyCalledMethodHasItsScopeAndEveryScopeIsNeededByACallOrAnEvent() {
        Set<String> called = calledMethods();
        assertThat(called).as("the scan finds the calls").contains("chat.postMessage", "conversations.join",
                "conversations.replies", "usergroups.users.list");

        Set<String> needed = new TreeSet<>();
        for (String method : called) {
            SlackScopes.Needs needs = SlackScopes.of(method).orElseThrow(() -> new AssertionError(
                    method + " is called but SlackScopes has no entry: add its scopes from Slack's method reference"));
            assertThat(needs.inPublic().isEmpty() || needs.inPublic().stream().anyMatch(manifest.botScopes()::contains))
                    .as("%s needs one of %s in manifest.yml", method, needs.inPublic()).isTrue();
            needed.addAll(needs.inPublic());
            if (USED_IN_PRIVATE_CHANNELS.contains(method)) {
                assertThat(needs.inPrivate().isEmpty() || needs.inPrivate().stream().anyMatch(manifest.botScopes()::contains))
                        .as("%s in a private channel needs one of %s in manifest.yml", method, needs.inPrivate()).isTrue();
                needed.addAll(needs.inPrivate());
            }
        }
        manifest.botEvents().forEach(e -> needed.add(SlackScopes.EVENTS.get(e)));
        needed.add("commands"); // the slash commands
        if (readsProfileEmail()) {
            needed.add("users:read.email"); // users.info shows profile.email only with it
        }
        assertThat(manifest.botScopes()).as("bot scopes no call or event needs").isSubsetOf(needed);
    }

    @Test
    void eachScopeLineNamesWhatNeedsIt() throws IOException {
        for (String line : Files.readAllLines(SlackManifest.FILE)) {
            String t = line.strip();
            if (t.startsWith("- ") && manifest.botScopes().contains(t.substring(2).split("\\s")[0])) {
                assertThat(t).as("a comment on %s", t).contains("#");
            }
        }
    }

    @Test
    void everySubscribedEventGets200WithSlacksOwnExample() throws IOException {
        TestApp app = TestApp.shared();
        assertThat(manifest.botEvents()).isNotEmpty();
        for (String event : manifest.botEvents()) {
            Path example = Path.of("src/test/resources/vendor/slack", event + ".json");
            assertThat(example).as("Slack's published example of %s", event).exists();
            var reply = app.signed().eventCallback(Files.readString(example)).send(app.uri());
            assertThat(reply.status()).as("%s answered %s", event, reply.body()).isEqualTo(200);
        }
    }

    /** Whether main code reads a user's profile e-mail from users.info (a field Slack shows with users:read.email). */
    static boolean readsProfileEmail() {
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            return files.filter(p -> p.toString().endsWith(".java")).map(ManifestTest::read)
                    .anyMatch(source -> source.contains("usersInfo(") && source.contains(".getEmail()"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Web API methods the main code calls: through the gateway by name, or through a Bolt/SDK client method. */
    static Set<String> calledMethods() {
        Set<String> methods = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            files.filter(p -> p.toString().endsWith(".java")).forEach(p -> {
                String source = read(p);
                Matcher g = GATEWAY_CALL.matcher(source);
                while (g.find()) {
                    methods.add(g.group(1));
                }
                Matcher b = BOLT_CALL.matcher(source);
                while (b.find()) {
                    methods.add(dotted(b.group(1), b.group(2)));
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return methods;
    }

    /**
     * chatPostMessage to chat.postMessage; usergroupsUsersList to usergroups.users.list and appsConnectionsOpen to
     * apps.connections.open (Slack's nested families).
     */
    static String dotted(String family, String rest) {
        if (family.equals("usergroups") && rest.startsWith("Users")) {
            return "usergroups.users." + Character.toLowerCase(rest.charAt(5)) + rest.substring(6);
        }
        if (family.equals("apps") && rest.startsWith("Connections")) {
            return "apps.connections." + Character.toLowerCase(rest.charAt(11)) + rest.substring(12);
        }
        return family + "." + Character.toLowerCase(rest.charAt(0)) + rest.substring(1);
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
