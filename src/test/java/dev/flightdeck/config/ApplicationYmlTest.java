package dev.flightdeck.config;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

import java.io.InputStream;

import static org.assertj.core.api.Assertions.assertThatCode;

/**
 * application.yml once had two top-level {@code flightdeck:} blocks: the second silently replaced the first, and
 * FLIGHTDECK_BASE_URL (in the first) was ignored. A repeated key anywhere in the file fails here.
 */
class ApplicationYmlTest {

    @Test
    void noKeyIsWrittenTwice() throws Exception {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        try (InputStream in = getClass().getResourceAsStream("/application.yml")) {
            assertThatCode(() -> new Yaml(options).load(in)).doesNotThrowAnyException();
        }
    }
}
