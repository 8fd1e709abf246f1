package dev.flightdeck.testing;

import com.google.gson.JsonObject;
import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

/** Turns a queued {@link Fault} into what goes on the wire. */
final class FakeSlackFaults {
    private FakeSlackFaults() {}

    /**
     * @param early an answer decided before the method ran (auth or unknown method), or null
     * @param handler runs the method against the state; not called for faults that stop the call
     * @param recorder gets the status and body actually served (body null when the connection was dropped)
     */
    static void serve(HttpExchange exchange, Fault fault, JsonObject early, Supplier<JsonObject> handler,
                      BiConsumer<Integer, JsonObject> recorder) throws IOException {
        if (early != null) {
            recorder.accept(200, early);
            FakeSlackHttp.write(exchange, 200, early, Map.of());
            return;
        }
        if (fault == null) {
            respond(exchange, 200, handler.get(), Map.of(), recorder);
        } else if (fault instanceof Fault.RateLimited r) {
            long seconds = Math.max(0, (r.retryAfter().toMillis() + 999) / 1000);
            respond(exchange, 429, FakeSlackMethods.error("ratelimited"), Map.of("Retry-After", Long.toString(seconds)), recorder);
        } else if (fault instanceof Fault.Error e) {
            respond(exchange, 200, FakeSlackMethods.error(e.error()), Map.of(), recorder);
        } else if (fault instanceof Fault.HttpStatus h) {
            respond(exchange, h.status(), FakeSlackMethods.error("http_" + h.status()), Map.of(), recorder);
        } else if (fault instanceof Fault.Disconnect) {
            recorder.accept(0, null);
            exchange.close(); // no headers sent yet: the server drops the connection
        } else if (fault instanceof Fault.Delay d) {
            sleep(d);
            respond(exchange, 200, handler.get(), Map.of(), recorder);
        } else {
            throw new IllegalStateException("not a single fault: " + fault);
        }
    }

    private static void respond(HttpExchange exchange, int status, JsonObject body, Map<String, String> headers,
                                BiConsumer<Integer, JsonObject> recorder) throws IOException {
        recorder.accept(status, body);
        FakeSlackHttp.write(exchange, status, body, headers);
    }

    private static void sleep(Fault.Delay d) {
        try {
            Thread.sleep(d.delay().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
