package dev.flightdeck.envconfig.change.secrecy;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import dev.flightdeck.envconfig.change.ConfigChangeApp;
import dev.flightdeck.testing.FakeSlack;
import dev.flightdeck.web.signin.AccessLink;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where a proposed secret value must never be: every Slack call Flightdeck made, every log line, every column of every
 * row of the database, every page, every answer. A match is on the value and on a fragment of it (its random part),
 * so a shortened or partly masked copy is found too.
 */
final class Leaks {

    private final String value;
    private final List<String> needles;

    Leaks(String value) {
        this.value = value;
        String fragment = value.substring(value.length() - 12);
        this.needles = List.of(value, fragment, URLEncoder.encode(fragment, StandardCharsets.UTF_8));
    }

    void notIn(String where, String text) {
        for (String needle : needles) {
            assertThat(text == null ? "" : text).as(where).doesNotContain(needle);
        }
    }

    /** Every request FakeSlack received (chat.*, views.*, response_url posts…), raw body and parameters. */
    void notInSlackCalls(FakeSlack slack) {
        List<FakeSlack.Call> calls = slack.calls();
        assertThat(calls).as("Flightdeck called Slack").isNotEmpty();
        for (FakeSlack.Call call : calls) {
            notIn("the body of Slack call " + call.method(), call.rawBody());
            notIn("the parameters of Slack call " + call.method(), String.valueOf(call.params()));
        }
    }

    void notInLog(List<ILoggingEvent> events) {
        assertThat(events).as("lines were logged").isNotEmpty();
        for (ILoggingEvent e : events) {
            StringBuilder line = new StringBuilder(e.getLoggerName()).append(' ').append(e.getFormattedMessage());
            e.getMDCPropertyMap().forEach((k, v) -> line.append(' ').append(k).append('=').append(v));
            if (e.getThrowableProxy() != null) {
                line.append('\n').append(ThrowableProxyUtil.asString(e.getThrowableProxy()));
            }
            notIn("a log line of " + e.getLoggerName(), line.toString());
        }
    }

    /** Every column of every row of every table of the app's database, text and bytes alike. */
    void notInDatabase(DataSource dataSource) throws SQLException, IOException {
        int cells = 0;
        try (Connection c = io.micronaut.data.connection.jdbc.advice.DelegatingDataSource.unwrapDataSource(dataSource)
                .getConnection()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = c.getMetaData().getTables(null, null, "%", new String[]{"TABLE", "BASE TABLE"})) {
                while (rs.next()) {
                    String schema = rs.getString("TABLE_SCHEM");
                    if (schema == null || !schema.equalsIgnoreCase("information_schema")) {
                        tables.add((schema == null ? "" : "\"" + schema + "\".") + "\"" + rs.getString("TABLE_NAME") + "\"");
                    }
                }
            }
            assertThat(tables).as("tables of the app's database").anyMatch(t -> t.contains("config_pending_value"));
            for (String table : tables) {
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM " + table)) {
                    int columns = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        for (int i = 1; i <= columns; i++) {
                            cells++;
                            notIn("column " + rs.getMetaData().getColumnName(i) + " of " + table, text(rs.getObject(i)));
                        }
                    }
                }
            }
        }
        assertThat(cells).isPositive();
    }

    private static String text(Object cell) throws SQLException, IOException {
        if (cell instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.ISO_8859_1);
        }
        if (cell instanceof Clob clob) {
            try (Reader r = clob.getCharacterStream()) {
                StringBuilder b = new StringBuilder();
                char[] buffer = new char[8192];
                for (int n; (n = r.read(buffer)) > 0; ) {
                    b.append(buffer, 0, n);
                }
                return b.toString();
            }
        }
        if (cell instanceof java.sql.Array array) {
            return java.util.Arrays.deepToString((Object[]) array.getArray());
        }
        return String.valueOf(cell);
    }

    /** The manager pages (signed in as a local user is, with the start-up access link). */
    void notOnPages(ConfigChangeApp app, List<String> paths) throws Exception {
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        URI base = app.server.getURI();
        String cookie = signIn(app, http, base);
        for (String path : paths) {
            HttpResponse<String> page = http.send(HttpRequest.newBuilder(base.resolve(path)).header("Cookie", cookie)
                    .header("Accept", "text/html").GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).as(path).isEqualTo(200);
            notIn("the page " + path, page.body());
        }
    }

    /**
     * The access link is printed once at start, before this test could listen; its token is read from the bean
     * instead (the same bytes the log line shows).
     */
    private static String signIn(ConfigChangeApp app, HttpClient http, URI base) throws Exception {
        var field = AccessLink.class.getDeclaredField("token");
        field.setAccessible(true);
        String token = new String((byte[]) field.get(app.bean(AccessLink.class)), StandardCharsets.US_ASCII);
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(base.resolve("/signin?token=" + token)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isBetween(302, 303);
        return r.headers().allValues("Set-Cookie").stream().map(c -> c.split(";")[0]).collect(Collectors.joining("; "));
    }
}
