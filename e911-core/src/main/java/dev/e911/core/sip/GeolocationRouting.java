package dev.e911.core.sip;

import java.util.Locale;

/**
 * The RFC 6442 {@code Geolocation-Routing} header: whether intermediaries may use the conveyed
 * location to route the request. Emergency calls are routed on location (NG9-1-1 ESRP/ECRF, VoIP
 * 911 providers), so e911 sends {@link #YES}. On reading, an absent header and any value other
 * than {@code yes} mean {@link #NO}, as RFC 6442 §3.2 says.
 */
public enum GeolocationRouting {
    /** Intermediaries may route on the location. */
    YES,
    /** Only the end point may look at the location. */
    NO;

    /** The header name. */
    public static final String HEADER = "Geolocation-Routing";

    /** {@code yes} or {@code no}. */
    public String headerValue() {
        return this == YES ? "yes" : "no";
    }

    /** Reads a header value: {@code yes} (any case, surrounding whitespace ignored) is {@link #YES}, anything else {@link #NO}. */
    public static GeolocationRouting parse(String headerValue) {
        return headerValue != null && headerValue.strip().toLowerCase(Locale.ROOT).equals("yes") ? YES : NO;
    }

    /** The value when the header is absent: {@link #NO}. */
    public static GeolocationRouting absent() {
        return NO;
    }
}
