package dev.e911.core.network.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import inet.ipaddr.IPAddressString;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class Ipv4PrefixTableTest {

    private static final int NONE = Ipv4PrefixTable.NO_MATCH;

    @Test
    @DisplayName("an empty table matches nothing")
    void emptyTable() {
        Ipv4PrefixTable table = Ipv4PrefixTable.builder().build();

        assertThat(table.lookup(0)).isEqualTo(NONE);
        assertThat(table.lookup(-1)).isEqualTo(NONE);
        assertThat(table.lookup(ip("10.1.2.3"))).isEqualTo(NONE);
        assertThat(table.size()).isZero();
    }

    @Test
    @DisplayName("/0 matches every address and loses to anything more specific")
    void defaultRoute() {
        Ipv4PrefixTable table = builder("0.0.0.0/0", 7, "192.168.0.0/16", 8).build();

        assertThat(table.lookup(0)).isEqualTo(7);
        assertThat(table.lookup(-1)).isEqualTo(7);
        assertThat(table.lookup(ip("192.167.255.255"))).isEqualTo(7);
        assertThat(table.lookup(ip("192.168.0.0"))).isEqualTo(8);
        assertThat(table.lookup(ip("192.168.255.255"))).isEqualTo(8);
        assertThat(table.lookup(ip("192.169.0.0"))).isEqualTo(7);
    }

    @Test
    @DisplayName("/32 matches exactly one address")
    void hostRoute() {
        Ipv4PrefixTable table = builder("203.0.113.7/32", 3).build();

        assertThat(table.lookup(ip("203.0.113.7"))).isEqualTo(3);
        assertThat(table.lookup(ip("203.0.113.6"))).isEqualTo(NONE);
        assertThat(table.lookup(ip("203.0.113.8"))).isEqualTo(NONE);
    }

    @Test
    @DisplayName("the longest of nested prefixes wins, at every boundary")
    void nestedPrefixes() {
        Ipv4PrefixTable table = builder(
                "10.1.2.200/32", 5, "10.1.2.128/25", 4, "10.1.2.0/24", 3, "10.1.0.0/16", 2, "10.0.0.0/8", 1).build();

        assertThat(table.lookup(ip("9.255.255.255"))).isEqualTo(NONE);
        assertThat(table.lookup(ip("10.0.0.0"))).isEqualTo(1);
        assertThat(table.lookup(ip("10.0.255.255"))).isEqualTo(1);
        assertThat(table.lookup(ip("10.1.0.0"))).isEqualTo(2);
        assertThat(table.lookup(ip("10.1.1.255"))).isEqualTo(2);
        assertThat(table.lookup(ip("10.1.2.0"))).isEqualTo(3);
        assertThat(table.lookup(ip("10.1.2.127"))).isEqualTo(3);
        assertThat(table.lookup(ip("10.1.2.128"))).isEqualTo(4);
        assertThat(table.lookup(ip("10.1.2.199"))).isEqualTo(4);
        assertThat(table.lookup(ip("10.1.2.200"))).isEqualTo(5);
        assertThat(table.lookup(ip("10.1.2.201"))).isEqualTo(4);
        assertThat(table.lookup(ip("10.1.3.0"))).isEqualTo(2);
        assertThat(table.lookup(ip("10.2.0.0"))).isEqualTo(1);
        assertThat(table.lookup(ip("11.0.0.0"))).isEqualTo(NONE);
    }

    @Test
    @DisplayName("host bits set in the network are ignored")
    void hostBitsMasked() {
        Ipv4PrefixTable table = builder("172.16.5.77/22", 9).build();

        assertThat(table.lookup(ip("172.16.4.0"))).isEqualTo(9);
        assertThat(table.lookup(ip("172.16.7.255"))).isEqualTo(9);
        assertThat(table.lookup(ip("172.16.8.0"))).isEqualTo(NONE);
        assertThat(table.lookup(ip("172.16.3.255"))).isEqualTo(NONE);
    }

    @Test
    @DisplayName("the same prefix added twice keeps the later value, even spelled with other host bits")
    void laterDuplicateWins() {
        Ipv4PrefixTable table = builder("10.0.0.0/8", 1, "10.9.9.9/8", 2).build();

        assertThat(table.lookup(ip("10.200.0.1"))).isEqualTo(2);
        assertThat(table.size()).isEqualTo(2);
    }

    @Test
    @DisplayName("addresses with the top bit set sort and match as unsigned")
    void unsignedAddresses() {
        Ipv4PrefixTable table = builder(
                "0.0.0.0/1", 1, "128.0.0.0/1", 2, "255.255.255.255/32", 3, "127.255.255.0/24", 4).build();

        assertThat(table.lookup(ip("127.255.254.255"))).isEqualTo(1);
        assertThat(table.lookup(ip("127.255.255.1"))).isEqualTo(4);
        assertThat(table.lookup(ip("128.0.0.0"))).isEqualTo(2);
        assertThat(table.lookup(ip("255.255.255.254"))).isEqualTo(2);
        assertThat(table.lookup(ip("255.255.255.255"))).isEqualTo(3);
    }

    @Test
    @DisplayName("lengths around the first-level and stride boundaries each cover exactly their range")
    void strideBoundaries() {
        for (int length = 14; length <= 32; length++) {
            int network = ip("100.64.0.0") | (1 << (32 - length)) >>> 1;
            Ipv4PrefixTable table = Ipv4PrefixTable.builder().add(network, length, length).build();
            int first = network & (int) (-1L << (32 - length));
            int last = first + (int) ((1L << (32 - length)) - 1);

            assertThat(table.lookup(first)).as("first of /%d", length).isEqualTo(length);
            assertThat(table.lookup(last)).as("last of /%d", length).isEqualTo(length);
            assertThat(table.lookup(first - 1)).as("before /%d", length).isEqualTo(NONE);
            assertThat(table.lookup(last + 1)).as("after /%d", length).isEqualTo(NONE);
        }
    }

    @Test
    @DisplayName("a node whose 64 slots all continue below keeps every child apart")
    void fullNode() {
        Ipv4PrefixTable.Builder builder = Ipv4PrefixTable.builder();
        for (int i = 0; i < 256; i++) {
            builder.add(ip("10.20.0.1") | i << 8, 32, i);
        }
        Ipv4PrefixTable table = builder.build();

        for (int i = 0; i < 256; i++) {
            assertThat(table.lookup(ip("10.20.0.1") | i << 8)).isEqualTo(i);
            assertThat(table.lookup(ip("10.20.0.2") | i << 8)).isEqualTo(NONE);
        }
    }

    @Test
    @DisplayName("lengths outside 0..32 and values outside 0..2^30-1 are rejected")
    void rejectsBadEntries() {
        Ipv4PrefixTable.Builder builder = Ipv4PrefixTable.builder();

        assertThatIllegalArgumentException().isThrownBy(() -> builder.add(0, 33, 1)).withMessageContaining("33");
        assertThatIllegalArgumentException().isThrownBy(() -> builder.add(0, -1, 1)).withMessageContaining("-1");
        assertThatIllegalArgumentException().isThrownBy(() -> builder.add(0, 8, -1)).withMessageContaining("value -1");
        assertThatIllegalArgumentException().isThrownBy(() -> builder.add(0, 8, 1 << 30));
        assertThat(builder.add(0, 8, (1 << 30) - 1).build().lookup(1)).isEqualTo((1 << 30) - 1);
    }

    static int ip(String text) {
        return new IPAddressString(text).getAddress().toIPv4().intValue();
    }

    /** Alternating "a.b.c.d/len", value pairs. */
    private static Ipv4PrefixTable.Builder builder(Object... cidrAndValue) {
        Ipv4PrefixTable.Builder builder = Ipv4PrefixTable.builder();
        for (int i = 0; i < cidrAndValue.length; i += 2) {
            String[] parts = ((String) cidrAndValue[i]).split("/");
            builder.add(ip(parts[0]), Integer.parseInt(parts[1]), (Integer) cidrAndValue[i + 1]);
        }
        return builder;
    }
}
