package dev.flightdeck.incident;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class ChannelNamesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Checkout returns 500s            | inc-12-checkout-returns-500s",
            "  Login  page -- slow!!          | inc-12-login-page-slow",
            "Zahlungsausfall in Köln (Straße) | inc-12-zahlungsausfall-in-koln-strasse",
            "Ærø ØRESUND łódź                 | inc-12-aero-oresund-lodz",
            "支付失败                          | inc-12",
            "🔥🔥 DB_primary down 🔥          | inc-12-db_primary-down",
            "___                              | inc-12",
            "Totals &lt;wrong&gt; &amp; late  | inc-12-totals-wrong-late"})
    void titlesBecomeSlackChannelNames(String title, String name) {
        assertThat(ChannelNames.forIncident(12, title, 1)).isEqualTo(name);
    }

    @Test
    void longTitlesAreCutToEightyCharactersWithoutATrailingDashEvenWithASuffix() {
        String title = "word ".repeat(60);
        for (int attempt = 1; attempt <= 12; attempt++) {
            String name = ChannelNames.forIncident(123456, title, attempt);
            assertThat(name).hasSizeLessThanOrEqualTo(80).matches("[a-z0-9_-]+").doesNotContain("--");
            if (attempt > 1) {
                assertThat(name).endsWith("-" + attempt);
            }
        }
        assertThat(ChannelNames.forIncident(123456, title, 1)).doesNotEndWith("-");
    }

    @Test
    void aTakenNameGetsNumberedSuffixes() {
        assertThat(ChannelNames.forIncident(7, "Search down", 2)).isEqualTo("inc-7-search-down-2");
        assertThat(ChannelNames.forIncident(7, "支付", 3)).isEqualTo("inc-7-3");
    }
}
