package dev.flightdeck.slack.incident.followup;

import dev.flightdeck.testing.SlackManifest;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.nio.file.Files;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The Make follow-up message shortcut is in manifest.yml under the callback id the code registers. */
class FollowUpManifestTest {

    @Test
    @SuppressWarnings("unchecked")
    void theMessageShortcutIsDeclaredWithTheCallbackIdTheCodeListensTo() throws Exception {
        Map<String, Object> manifest = new Yaml().load(Files.readString(SlackManifest.FILE));
        Map<String, Object> features = (Map<String, Object>) manifest.get("features");
        List<Map<String, Object>> shortcuts = (List<Map<String, Object>>) features.get("shortcuts");

        assertThat(shortcuts).anySatisfy(s -> {
            assertThat(s.get("type")).isEqualTo("message");
            assertThat(s.get("callback_id")).isEqualTo(FollowUpSlackIds.SHORTCUT);
            assertThat((String) s.get("name")).isEqualTo("Make follow-up");
            assertThat(((String) s.get("description")).length()).isLessThanOrEqualTo(80);
        });
    }
}
