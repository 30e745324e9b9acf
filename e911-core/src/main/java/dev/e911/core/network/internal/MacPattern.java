package dev.e911.core.network.internal;

/**
 * A BSSID prefix: the top {@code prefixLength} bits of a 48-bit MAC address, host bits zero.
 * {@code 00-11-22-33-44-*} is {@code (0x001122334400, 40)}; an exact BSSID has length 48.
 */
public record MacPattern(long prefix, int prefixLength) {

    public MacPattern {
        if (prefixLength < 0 || prefixLength > MacAddresses.BITS) {
            throw new IllegalArgumentException("prefix length " + prefixLength + " outside 0..48");
        }
        long hostBits = prefixLength == MacAddresses.BITS ? 0 : (1L << (MacAddresses.BITS - prefixLength)) - 1;
        if ((prefix & ~(MacAddresses.MAX ^ hostBits)) != 0) {
            throw new IllegalArgumentException(
                    "prefix " + Long.toHexString(prefix) + " has bits outside its first " + prefixLength + " of 48");
        }
    }

    /** Whether the 48-bit {@code bssid} lies inside this pattern (higher bits are ignored). */
    public boolean matches(long bssid) {
        int hostBits = MacAddresses.BITS - prefixLength;
        return ((bssid & MacAddresses.MAX) >>> hostBits) == (prefix >>> hostBits);
    }

    @Override
    public String toString() {
        return MacAddresses.format(prefix) + "/" + prefixLength;
    }
}
