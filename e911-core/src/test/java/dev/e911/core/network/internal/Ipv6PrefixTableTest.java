package dev.e911.core.network.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import inet.ipaddr.IPAddressString;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class Ipv6PrefixTableTest {

    private static final int NONE = Ipv6PrefixTable.NO_MATCH;

    @Test
    @DisplayName("an empty table matches nothing")
    void emptyTable() {
        Ipv6PrefixTable table = Ipv6PrefixTable.builder().build();

        assertThat(lookup(table, "::")).isEqualTo(NONE);
        assertThat(lookup(table, "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff")).isEqualTo(NONE);
    }

    @Test
    @DisplayName("/0 matches everything and /128 exactly one address")
    void extremes() {
        Ipv6PrefixTable table = builder("::/0", 1, "2001:db8::1/128", 2).build();

        assertThat(lookup(table, "::")).isEqualTo(1);
        assertThat(lookup(table, "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff")).isEqualTo(1);
        assertThat(lookup(table, "2001:db8::1")).isEqualTo(2);
        assertThat(lookup(table, "2001:db8::")).isEqualTo(1);
        assertThat(lookup(table, "2001:db8::2")).isEqualTo(1);
    }

    @Test
    @DisplayName("enterprise nesting /32 > /48 > /56 > /64 > /96 > /128 picks the longest")
    void enterpriseNesting() {
        Ipv6PrefixTable table = builder(
                "2001:db8::/32", 32, "2001:db8:10::/48", 48, "2001:db8:10:2200::/56", 56,
                "2001:db8:10:2201::/64", 64, "2001:db8:10:2201::1:0:0/96", 96, "2001:db8:10:2201::1:0:7/128", 128).build();

        assertThat(lookup(table, "2001:db8:ffff::1")).isEqualTo(32);
        assertThat(lookup(table, "2001:db8:10:ff::1")).isEqualTo(48);
        assertThat(lookup(table, "2001:db8:10:2200::1")).isEqualTo(56);
        assertThat(lookup(table, "2001:db8:10:2201::1")).isEqualTo(64);
        assertThat(lookup(table, "2001:db8:10:2201::1:0:8")).isEqualTo(96);
        assertThat(lookup(table, "2001:db8:10:2201::1:0:7")).isEqualTo(128);
        assertThat(lookup(table, "2001:db8:10:2201::2:0:7")).isEqualTo(64);
        assertThat(lookup(table, "2001:db9::")).isEqualTo(NONE);
    }

    @Test
    @DisplayName("a /128 whose /64 has no shorter prefix falls back to no match")
    void longPrefixWithoutCover() {
        Ipv6PrefixTable table = builder("2001:db8:1:2::99/128", 1, "2001:db8:1:3::/64", 2).build();

        assertThat(lookup(table, "2001:db8:1:2::99")).isEqualTo(1);
        assertThat(lookup(table, "2001:db8:1:2::98")).isEqualTo(NONE);
        assertThat(lookup(table, "2001:db8:1:3::98")).isEqualTo(2);
    }

    @Test
    @DisplayName("a /64 and longer prefixes inside it keep the /64 as fallback, whatever the order added")
    void sixtyFourAddedAfterLonger() {
        Ipv6PrefixTable table = builder("2001:db8:0:1::5/128", 1, "2001:db8:0:1:8000::/65", 2, "2001:db8:0:1::/64", 3).build();

        assertThat(lookup(table, "2001:db8:0:1::5")).isEqualTo(1);
        assertThat(lookup(table, "2001:db8:0:1::6")).isEqualTo(3);
        assertThat(lookup(table, "2001:db8:0:1:8000::6")).isEqualTo(2);
    }

    @Test
    @DisplayName("host bits are masked off and later duplicates win, above and below /64")
    void hostBitsAndDuplicates() {
        Ipv6PrefixTable table = builder(
                "2001:db8:aaaa:bbbb::1/48", 1, "2001:db8:aaaa::/48", 2,
                "2001:db8:aaaa:1:ffff::1/72", 3, "2001:db8:aaaa:1:ff00::/72", 4).build();

        assertThat(lookup(table, "2001:db8:aaaa:cccc::")).isEqualTo(2);
        assertThat(lookup(table, "2001:db8:aaaa:1:ff11::")).isEqualTo(4);
        assertThat(lookup(table, "2001:db8:aaaa:1:fe11::")).isEqualTo(2);
    }

    @Test
    @DisplayName("lengths outside 0..128 and negative values are rejected")
    void rejectsBadEntries() {
        Ipv6PrefixTable.Builder builder = Ipv6PrefixTable.builder();

        assertThatIllegalArgumentException().isThrownBy(() -> builder.add(0, 0, 129, 1)).withMessageContaining("129");
        assertThatIllegalArgumentException().isThrownBy(() -> builder.add(0, 0, -1, 1));
        assertThatIllegalArgumentException().isThrownBy(() -> builder.add(0, 0, 100, -5)).withMessageContaining("-5");
        assertThatIllegalArgumentException().isThrownBy(() -> builder.add(0, 0, 10, -5)).withMessageContaining("-5");
    }

    private static int lookup(Ipv6PrefixTable table, String address) {
        ByteBuffer bytes = bytes(address);
        return table.lookup(bytes.getLong(), bytes.getLong());
    }

    private static ByteBuffer bytes(String address) {
        return ByteBuffer.wrap(new IPAddressString(address).getAddress().toIPv6().getBytes());
    }

    /** Alternating "addr/len", value pairs. */
    private static Ipv6PrefixTable.Builder builder(Object... cidrAndValue) {
        Ipv6PrefixTable.Builder builder = Ipv6PrefixTable.builder();
        for (int i = 0; i < cidrAndValue.length; i += 2) {
            String[] parts = ((String) cidrAndValue[i]).split("/");
            ByteBuffer network = bytes(parts[0]);
            builder.add(network.getLong(), network.getLong(), Integer.parseInt(parts[1]), (Integer) cidrAndValue[i + 1]);
        }
        return builder;
    }
}
