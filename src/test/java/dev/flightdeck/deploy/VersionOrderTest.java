package dev.flightdeck.deploy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class VersionOrderTest {

    @ParameterizedTest(name = "{0} vs {1}: {2}")
    @CsvSource({
            "5.12.0, 5.11.2, 1",
            "5.9.0, 5.10.0, -1",
            "v5.12, 5.12.1, -1",
            "5.12.0, 5.12.0, 0",
            "5.11.10-t123, 5.11.9-t999, 1",
            "2.0, 10.0, -1"})
    void dottedNumbersCompareNumberByNumber(String a, String b, int sign) {
        assertThat(VersionOrder.compare(a, b).map(Integer::signum)).contains(sign);
    }

    @ParameterizedTest(name = "{0} vs {1}")
    @CsvSource({"a1b2c3d, f00ba47", "5.12.0-rc1, 5.12.0", "main-build, 5.12.0"})
    void anythingElseDoesNotCompare(String a, String b) {
        assertThat(VersionOrder.compare(a, b)).isEqualTo(Optional.empty());
    }
}
