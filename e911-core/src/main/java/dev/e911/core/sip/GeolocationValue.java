package dev.e911.core.sip;

import java.io.ByteArrayOutputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One value of an RFC 6442 {@code Geolocation} header: the URI between the angle brackets and its
 * generic parameters in order (e.g. RFC 8787 {@code loc-src}, or a pre-RFC {@code inserted-by}),
 * which receivers ignore but must forward. {@link #conveyance()} says whether it is location by
 * value ({@code cid:}), by reference ({@code sip:}, {@code sips:}, {@code pres:}, {@code http:},
 * {@code https:}), a {@code geo:} URI (not acceptable in SIP), or an unknown scheme.
 *
 * @param uri the location URI as written, without the angle brackets
 * @param parameters the parameters in order
 */
public record GeolocationValue(String uri, List<Parameter> parameters) {

    /** How the location is conveyed. */
    public enum Conveyance {
        /** {@code cid:} — the PIDF-LO is a body part of this message. */
        BY_VALUE,
        /** {@code sip:}, {@code sips:}, {@code pres:}, {@code http:}, {@code https:} — to be dereferenced. */
        BY_REFERENCE,
        /** {@code geo:} (RFC 5870) — explicitly not acceptable in SIP (no privacy rules). */
        GEO_URI_NOT_ALLOWED,
        /** Any other scheme. */
        UNKNOWN_SCHEME
    }

    /**
     * A generic parameter; {@code value} is empty for a parameter without {@code =}, and keeps
     * the quotes of a quoted string.
     *
     * @param name the parameter name
     * @param value the value as written, empty when there is none
     */
    public record Parameter(String name, String value) {
        /** Requires both. */
        public Parameter {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
        }
    }

    /** Copies the parameters. */
    public GeolocationValue {
        Objects.requireNonNull(uri, "uri");
        parameters = List.copyOf(parameters);
    }

    /** The URI scheme, lower case. */
    public String scheme() {
        int colon = uri.indexOf(':');
        return colon < 0 ? "" : uri.substring(0, colon).toLowerCase(Locale.ROOT);
    }

    /** By value, by reference, {@code geo:} or unknown. */
    public Conveyance conveyance() {
        return switch (scheme()) {
            case "cid" -> Conveyance.BY_VALUE;
            case "sip", "sips", "pres", "http", "https" -> Conveyance.BY_REFERENCE;
            case "geo" -> Conveyance.GEO_URI_NOT_ALLOWED;
            default -> Conveyance.UNKNOWN_SCHEME;
        };
    }

    /**
     * For a {@code cid:} URI, the Content-ID it points at (without angle brackets, %-decoded as
     * RFC 2392 says), to compare with a body part's {@code Content-ID}; empty for other schemes or
     * a malformed %-escape.
     */
    public Optional<String> contentId() {
        if (conveyance() != Conveyance.BY_VALUE) {
            return Optional.empty();
        }
        String encoded = uri.substring(4);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(encoded.length());
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c == '%') {
                if (i + 2 >= encoded.length()) {
                    return Optional.empty();
                }
                int hi = Character.digit(encoded.charAt(i + 1), 16);
                int lo = Character.digit(encoded.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    return Optional.empty();
                }
                bytes.write(hi << 4 | lo);
                i += 2;
            } else if (c < 0x80) {
                bytes.write(c);
            } else {
                return Optional.empty();
            }
        }
        try {
            String id = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes.toByteArray())).toString();
            return id.isEmpty() ? Optional.empty() : Optional.of(id);
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    /** The first parameter with this name (case-insensitive, as SIP parameter names are). */
    public Optional<Parameter> parameter(String name) {
        for (Parameter p : parameters) {
            if (p.name().equalsIgnoreCase(name)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** The header form: {@code <uri>;name=value...}. */
    public String headerForm() {
        StringBuilder out = new StringBuilder().append('<').append(uri).append('>');
        for (Parameter p : parameters) {
            out.append(';').append(p.name());
            if (!p.value().isEmpty()) {
                out.append('=').append(p.value());
            }
        }
        return out.toString();
    }
}
