package dev.flightdeck.testing;

import com.sun.net.httpserver.HttpServer;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.zip.GZIPInputStream;

/**
 * An OTLP/HTTP trace collector on loopback: accepts {@code POST /v1/traces} with an ExportTraceServiceRequest in
 * protobuf, as the real exporter sends it, and keeps every span. The protobuf is decoded here by its wire format
 * (field numbers from opentelemetry-proto's trace.proto), so the test needs no generated classes.
 */
public final class FakeOtlpCollector implements AutoCloseable {

    /** One received span; ids in lowercase hex as in the log; string attributes only. */
    public record ExportedSpan(String traceId, String spanId, String parentSpanId, String name, int kind,
                               Map<String, String> attributes) {
    }

    private final HttpServer server;
    private final List<ExportedSpan> spans = new ArrayList<>();
    private final List<String> contentTypes = new ArrayList<>();

    public FakeOtlpCollector() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/v1/traces", exchange -> {
            try (exchange) {
                if (!"POST".equals(exchange.getRequestMethod())) {
                    exchange.sendResponseHeaders(405, -1);
                    return;
                }
                InputStream in = exchange.getRequestBody();
                if ("gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
                    in = new GZIPInputStream(in);
                }
                List<ExportedSpan> decoded = decodeRequest(in.readAllBytes());
                synchronized (spans) {
                    contentTypes.add(exchange.getRequestHeaders().getFirst("Content-Type"));
                    spans.addAll(decoded);
                    spans.notifyAll();
                }
                exchange.getResponseHeaders().add("Content-Type", "application/x-protobuf");
                exchange.sendResponseHeaders(200, -1); // an empty ExportTraceServiceResponse: all accepted
            }
        });
        server.start();
    }

    /** The base URL, as OTEL_EXPORTER_OTLP_ENDPOINT takes it (the exporter adds /v1/traces). */
    public String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public List<ExportedSpan> spans() {
        synchronized (spans) {
            return List.copyOf(spans);
        }
    }

    public List<String> contentTypes() {
        synchronized (spans) {
            return List.copyOf(contentTypes);
        }
    }

    /** Waits until a span matching {@code which} has arrived. */
    public ExportedSpan await(Predicate<ExportedSpan> which, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (spans) {
            while (true) {
                for (ExportedSpan s : spans) {
                    if (which.test(s)) {
                        return s;
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("no such span arrived; got " + spans.stream().map(ExportedSpan::name).toList());
                }
                spans.wait(Math.max(1, left / 1_000_000));
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }

    // ExportTraceServiceRequest: 1 resource_spans; ResourceSpans: 2 scope_spans; ScopeSpans: 2 spans.
    static List<ExportedSpan> decodeRequest(byte[] body) throws IOException {
        List<ExportedSpan> out = new ArrayList<>();
        for (byte[] resourceSpans : fields(body, 1)) {
            for (byte[] scopeSpans : fields(resourceSpans, 2)) {
                for (byte[] span : fields(scopeSpans, 2)) {
                    out.add(decodeSpan(span));
                }
            }
        }
        return out;
    }

    // Span: 1 trace_id, 2 span_id, 4 parent_span_id, 5 name, 6 kind, 9 attributes (KeyValue: 1 key, 2 AnyValue: 1 string).
    private static ExportedSpan decodeSpan(byte[] span) throws IOException {
        Map<Integer, List<Object>> f = read(span);
        Map<String, String> attributes = new LinkedHashMap<>();
        for (Object kv : f.getOrDefault(9, List.of())) {
            Map<Integer, List<Object>> pair = read((byte[]) kv);
            String key = string(pair, 1);
            List<Object> value = pair.getOrDefault(2, List.of());
            if (key != null && !value.isEmpty()) {
                String text = string(read((byte[]) value.get(0)), 1);
                attributes.put(key, text);
            }
        }
        Object kind = f.getOrDefault(6, List.of(0L)).get(0);
        return new ExportedSpan(hex(f, 1), hex(f, 2), hex(f, 4), string(f, 5), ((Long) kind).intValue(), attributes);
    }

    private static String hex(Map<Integer, List<Object>> f, int field) {
        List<Object> v = f.get(field);
        return v == null ? "" : HexFormat.of().formatHex((byte[]) v.get(0));
    }

    private static String string(Map<Integer, List<Object>> f, int field) {
        List<Object> v = f.get(field);
        return v == null || !(v.get(0) instanceof byte[] b) ? null : new String(b, StandardCharsets.UTF_8);
    }

    private static List<byte[]> fields(byte[] message, int field) throws IOException {
        return read(message).getOrDefault(field, List.of()).stream().map(o -> (byte[]) o).toList();
    }

    /** Field number to values: Long for varint and fixed, byte[] for length-delimited. */
    private static Map<Integer, List<Object>> read(byte[] message) throws IOException {
        Map<Integer, List<Object>> fields = new LinkedHashMap<>();
        ByteArrayInputStream in = new ByteArrayInputStream(message);
        while (in.available() > 0) {
            long tag = varint(in);
            int number = (int) (tag >>> 3);
            int wire = (int) (tag & 7);
            Object value;
            switch (wire) {
                case 0 -> value = varint(in);
                case 1 -> value = fixed(in, 8);
                case 2 -> value = in.readNBytes((int) varint(in));
                case 5 -> value = fixed(in, 4);
                default -> throw new IOException("unsupported wire type " + wire);
            }
            fields.computeIfAbsent(number, k -> new ArrayList<>()).add(value);
        }
        return fields;
    }

    private static long varint(InputStream in) throws IOException {
        long result = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("truncated varint");
            }
            result |= (long) (b & 0x7f) << shift;
            if ((b & 0x80) == 0) {
                return result;
            }
        }
        throw new IOException("varint too long");
    }

    private static long fixed(InputStream in, int bytes) throws IOException {
        long result = 0;
        for (int i = 0; i < bytes; i++) {
            result |= (long) in.read() << (8 * i);
        }
        return result;
    }
}
