package dev.e911.core.network.internal;

import static dev.e911.core.network.internal.MacAddresses.parseMac;
import static dev.e911.core.network.internal.MacAddresses.parsePattern;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class BssidTableTest {

    @Test
    @DisplayName("an exact BSSID beats its access point's wildcard, which beats the vendor prefix")
    void longestMatchWins() {
        BssidTable table = BssidTable.builder()
                .add(parsePattern("00-11-22-*"), 1)
                .add(parsePattern("00-11-22-33-44-*"), 2)
                .add(parsePattern("00:11:22:33:44:5*"), 3)
                .add(parsePattern("00:11:22:33:44:55"), 4)
                .build();

        assertThat(table.lookup(parseMac("00:11:22:33:44:55"))).isEqualTo(4);
        assertThat(table.lookup(parseMac("00:11:22:33:44:56"))).isEqualTo(3);
        assertThat(table.lookup(parseMac("00:11:22:33:44:65"))).isEqualTo(2);
        assertThat(table.lookup(parseMac("00:11:22:33:45:55"))).isEqualTo(1);
        assertThat(table.lookup(parseMac("00:11:23:33:44:55"))).isEqualTo(BssidTable.NO_MATCH);
    }

    @Test
    @DisplayName("an empty table matches nothing, a catch-all matches everything")
    void emptyAndCatchAll() {
        assertThat(BssidTable.builder().build().lookup(parseMac("00:11:22:33:44:55"))).isEqualTo(BssidTable.NO_MATCH);

        BssidTable all = BssidTable.builder().add(parsePattern("*"), 9).build();
        assertThat(all.lookup(0)).isEqualTo(9);
        assertThat(all.lookup(MacAddresses.MAX)).isEqualTo(9);
    }

    @Test
    @DisplayName("lookup ignores bits above the 48th; add rejects them")
    void widthChecks() {
        BssidTable table = BssidTable.builder().add(parseMac("ff:ff:ff:ff:ff:ff"), 48, 5).build();

        assertThat(table.lookup(-1L)).isEqualTo(5);
        assertThatIllegalArgumentException().isThrownBy(() -> BssidTable.builder().add(1L << 48, 48, 1))
                .withMessageContaining("48 bits");
        assertThatIllegalArgumentException().isThrownBy(() -> BssidTable.builder().add(0, 49, 1));
    }

    @Test
    @DisplayName("host bits are masked off and later duplicates win")
    void hostBitsAndDuplicates() {
        BssidTable table = BssidTable.builder()
                .add(parseMac("00:11:22:33:44:55"), 40, 1)
                .add(parseMac("00:11:22:33:44:00"), 40, 2)
                .build();

        assertThat(table.lookup(parseMac("00:11:22:33:44:ff"))).isEqualTo(2);
    }
}
