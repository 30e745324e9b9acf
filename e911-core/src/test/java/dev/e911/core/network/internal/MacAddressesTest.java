package dev.e911.core.network.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.e911.core.network.internal.MacFormatException.Problem;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MacAddressesTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "00:1a:2B:3c:4D:5e", "00-1A-2B-3C-4D-5E", "001a.2b3c.4d5e", "001A2B3C4D5E", "001a2b3c4d5e",
        "0:1a:2b:3c:4d:5e", "  00:1A:2B:3C:4D:5E\t"})
    @DisplayName("every common notation parses to the same 48-bit value")
    void commonNotations(String text) {
        assertThat(MacAddresses.parseMac(text)).isEqualTo(0x001A2B3C4D5EL);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ff:ff:ff:ff:ff:ff", "FFFF.FFFF.FFFF", "FFFFFFFFFFFF"})
    @DisplayName("the all-ones address is the largest 48-bit value")
    void broadcast(String text) {
        assertThat(MacAddresses.parseMac(text)).isEqualTo(0xFFFF_FFFF_FFFFL);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "''                      | EMPTY",
        "'   '                   | EMPTY",
        "00:11:22:33:44:5g       | INVALID_CHARACTER",
        "00 11 22 33 44 55       | INVALID_CHARACTER",
        "00:11:22:33:44:55:      | BAD_GROUP_LENGTH",
        "00:11:22-33:44:55       | MIXED_SEPARATORS",
        "00:11:22:33:44          | BAD_GROUP_COUNT",
        "00:11:22:33:44:55:66    | BAD_GROUP_COUNT",
        "00:11:222:33:44:55      | BAD_GROUP_LENGTH",
        "00::22:33:44:55         | BAD_GROUP_LENGTH",
        "0011.2233.445           | BAD_GROUP_LENGTH",
        "0011.2233               | BAD_GROUP_COUNT",
        "00112233445             | BAD_DIGIT_COUNT",
        "0011223344556           | BAD_DIGIT_COUNT",
        "00112233445566778899aab | BAD_DIGIT_COUNT",
        "00:11:22:33:44:*        | INVALID_CHARACTER",
        "００:11:22:33:44:55      | INVALID_CHARACTER"})
    @DisplayName("bad input throws MacFormatException naming the problem")
    void rejects(String text, Problem problem) {
        assertThatThrownBy(() -> MacAddresses.parseMac(text))
                .isInstanceOf(MacFormatException.class)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(text)
                .extracting(e -> ((MacFormatException) e).problem()).isEqualTo(problem);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "00-11-22-33-44-*     | 001122334400 | 40",
        "00:11:22:33:44:5*    | 001122334450 | 44",
        "00:11:22:33:44:*     | 001122334400 | 40",
        "00-11-22-*-*-*       | 001122000000 | 24",
        "00-11-22*            | 001122000000 | 24",
        "0011.2233.44*        | 001122334400 | 40",
        "0011.22*             | 001122000000 | 24",
        "0011223*             | 001122300000 | 28",
        "AB*                  | ab0000000000 | 8",
        "*                    | 000000000000 | 0",
        "*:*:*:*:*:*          | 000000000000 | 0",
        "00:11:22:33:44:55    | 001122334455 | 48",
        "0011.2233.4455       | 001122334455 | 48"})
    @DisplayName("wildcard patterns parse to the prefix they cover")
    void patterns(String text, String hex, int length) {
        assertThat(MacAddresses.parsePattern(text)).isEqualTo(new MacPattern(Long.parseLong(hex, 16), length));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "00:11:22:33:44:55*   | BAD_WILDCARD",
        "001122334455*        | BAD_WILDCARD",
        "00-11-*-33-44-55     | BAD_WILDCARD",
        "00-11-22-*:*:*       | BAD_WILDCARD",
        "00-11-22-**          | BAD_WILDCARD",
        "0:11:22:*            | BAD_GROUP_LENGTH",
        "00:11:223*           | BAD_WILDCARD",
        "00:11-2*             | MIXED_SEPARATORS",
        "0x11*                | INVALID_CHARACTER"})
    @DisplayName("malformed patterns are rejected with the problem named")
    void rejectsPatterns(String text, Problem problem) {
        assertThatThrownBy(() -> MacAddresses.parsePattern(text))
                .isInstanceOf(MacFormatException.class)
                .extracting(e -> ((MacFormatException) e).problem()).isEqualTo(problem);
    }

    @ParameterizedTest
    @ValueSource(longs = {0L, 0x001A2B3C4D5EL, 0xFFFF_FFFF_FFFFL, 0x0A0B0C0D0E0FL})
    @DisplayName("format and parse round-trip")
    void roundTrip(long mac) {
        String formatted = MacAddresses.format(mac);

        assertThat(formatted).hasSize(17).matches("([0-9a-f]{2}:){5}[0-9a-f]{2}");
        assertThat(MacAddresses.parseMac(formatted)).isEqualTo(mac);
    }
}
