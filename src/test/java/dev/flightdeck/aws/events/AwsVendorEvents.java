package dev.flightdeck.aws.events;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** AWS's published example events, as kept under src/test/resources/vendor/aws/ (sources in the vendor README). */
final class AwsVendorEvents {

    private AwsVendorEvents() {
    }

    static String text(String file) {
        try {
            return Files.readString(Path.of("src/test/resources/vendor/aws", file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonObject json(String file) {
        return JsonParser.parseString(text(file)).getAsJsonObject();
    }

    /** The example with an id (and optionally a parameter or secret name) of the test's own. */
    static String withId(String file, String id) {
        JsonObject o = json(file);
        o.addProperty("id", id);
        return o.toString();
    }

    static String ssmWith(String file, String id, String name) {
        JsonObject o = json(file);
        o.addProperty("id", id);
        o.getAsJsonObject("detail").addProperty("name", name);
        return o.toString();
    }

    static String secretWith(String file, String id, String secretId) {
        JsonObject o = json(file);
        o.addProperty("id", id);
        o.getAsJsonObject("detail").getAsJsonObject("requestParameters").addProperty("secretId", secretId);
        return o.toString();
    }
}
