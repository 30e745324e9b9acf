package dev.e911.core.pidf;

import dev.e911.api.location.LocationSource;
import java.util.Optional;

/**
 * How a location was obtained, as a token of the IANA "Method Tokens" registry written into the
 * PIDF-LO {@code gp:method} element (pidf-lo.md §5.3). e911 maps its sources as: agent-confirmed,
 * admin-assigned or site-default address → {@link #MANUAL}; a network match by the evidence that
 * matched — switch port or wired subnet → {@link #WIREMAP}, Wi-Fi BSSID → {@link #WIFI}, DHCP civic
 * option → {@link #DHCP}; device GPS → {@link #GPS}. The writer takes the method as a parameter
 * because only the caller knows which evidence matched; {@link #forSource} covers the sources
 * whose method does not depend on evidence.
 */
public enum LocationMethod {
    /** Entered by a person or taken from subscriber/service records. */
    MANUAL("Manual"),
    /** From a wiremap: switch port or wired subnet to location. */
    WIREMAP("Wiremap"),
    /** From the Wi-Fi access point (BSSID). */
    WIFI("802.11"),
    /** From the access network via the DHCP civic/geo option. */
    DHCP("DHCP"),
    /** Device GPS. */
    GPS("GPS"),
    /** Assisted GPS. */
    A_GPS("A-GPS"),
    /** Position of the serving cell antenna. */
    CELL("Cell"),
    /** Triangulation. */
    TRIANGULATION("Triangulation");

    private final String token;

    LocationMethod(String token) {
        this.token = token;
    }

    /** The registry token exactly as written, e.g. {@code 802.11}. */
    public String token() {
        return token;
    }

    /** The method with this registry token (exact spelling), if e911 knows it. */
    public static Optional<LocationMethod> fromToken(String token) {
        for (LocationMethod m : values()) {
            if (m.token.equals(token)) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }

    /**
     * The method a source implies on its own: {@link #MANUAL} for user-confirmed, admin-assigned
     * and site-default locations; empty for {@link LocationSource#NETWORK_MATCH}, whose method
     * depends on the evidence that matched ({@link #WIREMAP}, {@link #WIFI} or {@link #DHCP}).
     */
    public static Optional<LocationMethod> forSource(LocationSource source) {
        return source == LocationSource.NETWORK_MATCH ? Optional.empty() : Optional.of(MANUAL);
    }
}
