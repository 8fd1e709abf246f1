package dev.flightdeck.envconfig.logs;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What a person types becomes a Logs Insights query that finds exactly that text, over a bounded span. */
class LogQueriesTest {

    @ParameterizedTest
    @ValueSource(strings = {"GET /api/v1.5/(cart)", "a|b", "[x]{2}+?*", "back\\slash \\d", "^start$", "end/ | fields @log",
            "/", "\\/"})
    void aFilterMatchesItselfLiterallyAndCannotLeaveTheRegexLiteral(String typed) {
        String literal = LogQueries.literal(typed);

        assertThat(Pattern.compile(literal).matcher("before " + typed + " after").find()).isTrue();
        // Change any one character and it no longer matches: nothing in it acts as a wildcard.
        assertThat(Pattern.compile(literal).matcher(typed.substring(0, typed.length() - 1) + "\u0000").find()).isFalse();
        // Every "/" is escaped, so the literal cannot end early.
        assertThat(literal.replace("\\\\", "").replaceAll("\\\\/", "")).doesNotContain("/");
    }

    @Test
    void theFilterGoesIntoTheFilterClauseAndAQueryIsSentAsTyped() {
        assertThat(LogQueries.query(Optional.empty()))
                .isEqualTo("fields @timestamp, @message | sort @timestamp desc | limit 20");
        assertThat(LogQueries.query(Optional.of("v1.5/x")))
                .isEqualTo("fields @timestamp, @message | filter @message like /v1\\.5\\/x/ | sort @timestamp desc | limit 20");
        assertThat(LogQueries.query(Optional.of("Query: stats count(*) by bin(5m)"))).isEqualTo("stats count(*) by bin(5m)");
        assertThatThrownBy(() -> LogQueries.query(Optional.of("query:  ")))
                .hasMessage("`query:` needs a Logs Insights query after it.");
    }

    @Test
    void sinceIsANumberAndAUnitFromOneMinuteToThirtyDays() {
        assertThat(LogQueries.since("15m")).isEqualTo(Duration.ofMinutes(15));
        assertThat(LogQueries.since("1H")).isEqualTo(Duration.ofHours(1));
        assertThat(LogQueries.since("30d")).isEqualTo(Duration.ofDays(30));
        assertThatThrownBy(() -> LogQueries.since("31d")).hasMessage("`31d` is too far back: a search covers at most the last 30d.");
        assertThatThrownBy(() -> LogQueries.since("721h")).hasMessageContaining("too far back");
        assertThatThrownBy(() -> LogQueries.since("0h")).hasMessage("`0h` is no time at all: search at least the last 1m.");
        assertThatThrownBy(() -> LogQueries.since("1w")).hasMessage("`1w` is not a time span: write a number and m, h or d, "
                + "like 15m, 1h or 2d.");
        assertThatThrownBy(() -> LogQueries.since("-5m")).hasMessageContaining("not a time span");
        assertThat(LogQueries.words(Duration.ofMinutes(90))).isEqualTo("90m");
        assertThat(LogQueries.words(Duration.ofHours(48))).isEqualTo("2d");
        assertThat(LogQueries.words(Duration.ofSeconds(20))).isEqualTo("20s");
    }
}
