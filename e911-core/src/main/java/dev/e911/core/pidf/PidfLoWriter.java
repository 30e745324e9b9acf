package dev.e911.core.pidf;

import dev.e911.api.address.CivicElement;
import dev.e911.api.address.DispatchableAddress;
import dev.e911.api.address.GeoPoint;
import dev.e911.api.location.AgentLocation;
import dev.e911.api.validation.Violations;
import dev.e911.core.pidf.internal.Ns;
import dev.e911.core.pidf.internal.Rfc3339Millis;
import dev.e911.core.pidf.internal.XmlEscaper;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Renders an agent's location as a PIDF-LO document (RFC 3863 presence, RFC 4119 geopriv, RFC 4479
 * device, RFC 5139/6848 civic address, RFC 5491 geodetic shapes), UTF-8, schema-valid against the
 * vendored set. Following RFC 5491 §3 each element carries one location: the civic address in the
 * first element a reader picks by RFC 5491 rule 8 (the first {@code tuple} in the {@link Form#TUPLE}
 * form, the {@code dm:device} in the {@link Form#DEVICE} form), and, when the address has a point,
 * its {@code gml:Point} or {@code gs:Circle} in a separate {@code tuple} describing the same place.
 * Timestamps are the fixed-width UTC form {@code 2026-11-25T16:00:00.000Z} (instants are truncated
 * to the millisecond). Instances are immutable and thread-safe; configure one with {@link #builder}.
 * For the call hot path use {@link #preRender}, which yields the same bytes with the timestamp
 * patched in.
 */
public final class PidfLoWriter {

    /** Where the civic location goes. */
    public enum Form {
        /** RFC 4119 style: {@code tuple/status/gp:geopriv}. */
        TUPLE,
        /** RFC 4479 style (RFC 5491/6442 examples): {@code dm:device/gp:geopriv} with a {@code dm:deviceID}. */
        DEVICE
    }

    /** The URI scheme of the presence {@code entity}. */
    public enum EntityScheme {
        /** {@code pres:agent@domain} (RFC 3863's expectation). */
        PRES("pres"),
        /** {@code sip:agent@domain}, mirroring the address of record. */
        SIP("sip");

        private final String scheme;

        EntityScheme(String scheme) {
            this.scheme = scheme;
        }

        /** The scheme without the colon. */
        public String scheme() {
            return scheme;
        }
    }

    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final String NS_NENA_PREFIX = "cdx2";

    private final String entityDomain;
    private final EntityScheme entityScheme;
    private final Form form;
    private final String deviceId;
    private final boolean retransmissionAllowed;
    private final Duration retention;
    private final long retentionMillis;
    private final ProvidedBy providedBy;
    private final String language;
    private final boolean nenaExtensions;
    private final String idPrefix;

    private PidfLoWriter(Builder b) {
        this.entityDomain = b.entityDomain;
        this.entityScheme = b.entityScheme;
        this.form = b.form;
        this.deviceId = b.deviceId;
        this.retransmissionAllowed = b.retransmissionAllowed;
        this.retention = b.retention;
        this.retentionMillis = b.retention == null ? 0 : b.retention.toMillis();
        this.providedBy = b.providedBy;
        this.language = b.language;
        this.nenaExtensions = b.nenaExtensions;
        this.idPrefix = b.idPrefix;
    }

    /** Starts a configuration whose entity URIs are {@code pres:<agent>@entityDomain}. */
    public static Builder builder(String entityDomain) {
        return new Builder(entityDomain);
    }

    /** A builder holding this writer's configuration. */
    public Builder toBuilder() {
        Builder b = new Builder(entityDomain);
        b.entityScheme = entityScheme;
        b.form = form;
        b.deviceId = deviceId;
        b.retransmissionAllowed = retransmissionAllowed;
        b.retention = retention;
        b.providedBy = providedBy;
        b.language = language;
        b.nenaExtensions = nenaExtensions;
        b.idPrefix = idPrefix;
        return b;
    }

    /** The domain of entity URIs. */
    public String entityDomain() {
        return entityDomain;
    }

    /** The entity URI scheme. */
    public EntityScheme entityScheme() {
        return entityScheme;
    }

    /** Tuple or device form. */
    public Form form() {
        return form;
    }

    /** The {@code dm:deviceID} URI (device form only). */
    public Optional<String> deviceId() {
        return Optional.ofNullable(deviceId);
    }

    /** The value written to {@code gbp:retransmission-allowed}. */
    public boolean retransmissionAllowed() {
        return retransmissionAllowed;
    }

    /** How long after the document timestamp recipients may keep the location ({@code gbp:retention-expiry}). */
    public Optional<Duration> retention() {
        return Optional.ofNullable(retention);
    }

    /** The {@code gp:provided-by} content. */
    public Optional<ProvidedBy> providedBy() {
        return Optional.ofNullable(providedBy);
    }

    /** The {@code xml:lang} put on {@code civicAddress}. */
    public Optional<String> language() {
        return Optional.ofNullable(language);
    }

    /** Whether the NENA CLDXF {@code PCE} (ZIP+4 add-on) is rendered. */
    public boolean nenaExtensions() {
        return nenaExtensions;
    }

    /** The prefix of the element ids ({@code <prefix>-civic}, {@code <prefix>-geo}). */
    public String idPrefix() {
        return idPrefix;
    }

    /**
     * The presence entity for an agent: {@code pres:} (or {@code sip:}) + the agent id with every
     * character outside RFC 3986 "unreserved" percent-encoded + {@code @} + the entity domain.
     */
    public String entityUri(String agentId) {
        Objects.requireNonNull(agentId, "agentId");
        if (agentId.isEmpty()) {
            throw new IllegalArgumentException("agentId must not be empty");
        }
        return entityScheme.scheme() + ":" + Names.percentEncode(agentId) + "@" + entityDomain;
    }

    /**
     * Renders the document for an agent's location claim.
     *
     * @param method how the location was obtained (see {@link LocationMethod#forSource})
     * @param timestamp when the location was produced; truncated to the millisecond, years 0001–9999
     */
    public byte[] write(AgentLocation location, LocationMethod method, Instant timestamp) {
        return write(location.agentId(), location.address(), method, timestamp);
    }

    /**
     * Renders the document for an address.
     *
     * @param agentId the agent the location describes (becomes the entity URI)
     * @param address the dispatchable address (and its point, if any)
     * @param method how the location was obtained
     * @param timestamp when the location was produced; truncated to the millisecond, years 0001–9999
     * @throws IllegalArgumentException if the timestamp (or timestamp plus retention) is outside years 0001–9999
     */
    public byte[] write(String agentId, DispatchableAddress address, LocationMethod method, Instant timestamp) {
        Objects.requireNonNull(timestamp, "timestamp");
        if (timestamp.isBefore(Instant.ofEpochMilli(Rfc3339Millis.MIN_EPOCH_MILLI))
                || timestamp.isAfter(Instant.ofEpochMilli(Rfc3339Millis.MAX_EPOCH_MILLI))) {
            throw new IllegalArgumentException("timestamp outside years 0001-9999");
        }
        long ms = timestamp.toEpochMilli();
        checkRange(ms);
        StringBuilder out = new StringBuilder(2048);
        render(out, agentId, address, method, (sb, delta) -> sb.append(TIMESTAMP.format(Instant.ofEpochMilli(ms + delta))), null);
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Renders the document once with timestamp slots, for {@link PreRenderedPidf#copyInto}. */
    public PreRenderedPidf preRender(AgentLocation location, LocationMethod method) {
        return preRender(location.agentId(), location.address(), method);
    }

    /** Renders the document once with timestamp slots, for {@link PreRenderedPidf#copyInto}. */
    public PreRenderedPidf preRender(String agentId, DispatchableAddress address, LocationMethod method) {
        return preRender(agentId, address, method, PreRenderedPidf.Interner.none());
    }

    /**
     * Renders the document once with timestamp slots, sharing its equal parts (the XML skeleton around the
     * entity and the civic address, the slot layout) with the other documents rendered through {@code interner}.
     */
    public PreRenderedPidf preRender(AgentLocation location, LocationMethod method, PreRenderedPidf.Interner interner) {
        return preRender(location.agentId(), location.address(), method, interner);
    }

    /**
     * Renders the document once with timestamp slots, sharing its equal parts (the XML skeleton around the
     * entity and the civic address, the slot layout) with the other documents rendered through {@code interner}.
     */
    public PreRenderedPidf preRender(String agentId, DispatchableAddress address, LocationMethod method,
            PreRenderedPidf.Interner interner) {
        StringBuilder out = new StringBuilder(2048);
        java.util.List<int[]> slots = new java.util.ArrayList<>();
        java.util.List<Long> deltas = new java.util.ArrayList<>();
        int[] idSpan = new int[2];
        render(out, agentId, address, method, (sb, delta) -> {
            slots.add(new int[] {sb.length()});
            deltas.add(delta);
            for (int i = 0; i < Rfc3339Millis.WIDTH; i++) {
                sb.append('0');
            }
        }, idSpan);
        String text = out.toString();
        int[] offsets = new int[slots.size()];
        long[] d = new long[slots.size()];
        int chars = 0;
        int bytes = 0;
        for (int i = 0; i < offsets.length; i++) {
            int at = slots.get(i)[0];
            bytes += utf8Length(text, chars, at);
            chars = at;
            offsets[i] = bytes;
            d[i] = deltas.get(i);
        }
        int idStart = utf8Length(text, 0, idSpan[0]);
        int idEnd = idStart + utf8Length(text, idSpan[0], idSpan[1]);
        // values are escaped, so the element's tags occur once, after the entity
        int civicAt = text.indexOf("<ca:civicAddress", idSpan[1]);
        int civicEndAt = text.indexOf("</ca:civicAddress>", idSpan[1]);
        int civicStart = -1;
        int civicEnd = -1;
        if (civicAt >= 0 && civicEndAt > civicAt) {
            civicStart = idEnd + utf8Length(text, idSpan[1], civicAt);
            civicEnd = civicStart + utf8Length(text, civicAt, civicEndAt + "</ca:civicAddress>".length());
        }
        return new PreRenderedPidf(text.getBytes(StandardCharsets.UTF_8), idStart, idEnd, civicStart, civicEnd, offsets, d, interner);
    }

    private void checkRange(long epochMilli) {
        if (!Rfc3339Millis.inRange(epochMilli) || !Rfc3339Millis.inRange(epochMilli + retentionMillis)) {
            throw new IllegalArgumentException("timestamp (plus retention) outside years 0001-9999");
        }
    }

    private static int utf8Length(String s, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                n += 1;
            } else if (c < 0x800) {
                n += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < to && Character.isLowSurrogate(s.charAt(i + 1))) {
                n += 4;
                i++;
            } else {
                n += 3;
            }
        }
        return n;
    }

    /** Writes a timestamp (document time + delta) or reserves its slot. */
    @FunctionalInterface
    private interface Stamp {
        void write(StringBuilder out, long deltaMillis);
    }

    /** Renders the document; {@code idSpan}, when given, receives where the (percent-encoded) agent id sits in the entity URI. */
    private void render(StringBuilder out, String agentId, DispatchableAddress address, LocationMethod method, Stamp stamp,
            int[] idSpan) {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(method, "method");
        String entity = entityUri(agentId);
        Optional<GeoPoint> point = address.point();
        boolean cae = false;
        boolean nena = false;
        for (CivicElement e : address.elements().keySet()) {
            cae |= e.namespace() == CivicElement.Namespace.RFC6848;
            nena |= e.namespace() == CivicElement.Namespace.NENA_CLDXF && nenaExtensions;
        }
        out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        out.append("<presence xmlns=\"").append(Ns.PIDF).append('"');
        if (form == Form.DEVICE) {
            ns(out, "dm", Ns.DM);
        }
        ns(out, "gp", Ns.GP);
        ns(out, "gbp", Ns.GBP);
        ns(out, "ca", Ns.CA);
        if (cae) {
            ns(out, "cae", Ns.CAE);
        }
        if (nena) {
            ns(out, NS_NENA_PREFIX, CivicElement.Namespace.NENA_CLDXF.uri());
        }
        if (point.isPresent()) {
            ns(out, "gml", Ns.GML);
            if (point.get().hasUncertainty()) {
                ns(out, "gs", Ns.GS);
            }
        }
        out.append("\n    entity=\"");
        int entityAt = out.length();
        XmlEscaper.appendAttribute(out, entity);
        if (idSpan != null) {
            // scheme ":" id "@" domain, all characters an attribute keeps as they are
            idSpan[0] = entityAt + entityScheme.scheme().length() + 1;
            idSpan[1] = out.length() - entityDomain.length() - 1;
        }
        out.append("\">\n");
        if (form == Form.TUPLE) {
            tupleStart(out, idPrefix + "-civic");
            geopriv(out, 3, address, null, method, stamp);
            tupleEnd(out, stamp);
            if (point.isPresent()) {
                geodeticTuple(out, point.get(), method, stamp);
            }
        } else {
            if (point.isPresent()) {
                geodeticTuple(out, point.get(), method, stamp);
            }
            out.append("  <dm:device id=\"").append(idPrefix).append("-civic\">\n");
            geopriv(out, 2, address, null, method, stamp);
            out.append("    <dm:deviceID>");
            XmlEscaper.appendText(out, deviceId);
            out.append("</dm:deviceID>\n    <dm:timestamp>");
            stamp.write(out, 0);
            out.append("</dm:timestamp>\n  </dm:device>\n");
        }
        out.append("</presence>\n");
    }

    private void geodeticTuple(StringBuilder out, GeoPoint point, LocationMethod method, Stamp stamp) {
        tupleStart(out, idPrefix + "-geo");
        geopriv(out, 3, null, point, method, stamp);
        tupleEnd(out, stamp);
    }

    private static void tupleStart(StringBuilder out, String id) {
        out.append("  <tuple id=\"").append(id).append("\">\n    <status>\n");
    }

    private static void tupleEnd(StringBuilder out, Stamp stamp) {
        out.append("    </status>\n    <timestamp>");
        stamp.write(out, 0);
        out.append("</timestamp>\n  </tuple>\n");
    }

    private static void ns(StringBuilder out, String prefix, String uri) {
        out.append("\n    xmlns:").append(prefix).append("=\"").append(uri).append('"');
    }

    private static void indent(StringBuilder out, int level) {
        for (int i = 0; i < level; i++) {
            out.append("  ");
        }
    }

    private void geopriv(StringBuilder out, int level, DispatchableAddress civic, GeoPoint point,
            LocationMethod method, Stamp stamp) {
        indent(out, level);
        out.append("<gp:geopriv>\n");
        indent(out, level + 1);
        out.append("<gp:location-info>\n");
        if (civic != null) {
            civicAddress(out, level + 2, civic);
        } else {
            shape(out, level + 2, point);
        }
        indent(out, level + 1);
        out.append("</gp:location-info>\n");
        indent(out, level + 1);
        out.append("<gp:usage-rules>\n");
        indent(out, level + 2);
        out.append("<gbp:retransmission-allowed>").append(retransmissionAllowed).append("</gbp:retransmission-allowed>\n");
        if (retention != null) {
            indent(out, level + 2);
            out.append("<gbp:retention-expiry>");
            stamp.write(out, retentionMillis);
            out.append("</gbp:retention-expiry>\n");
        }
        indent(out, level + 1);
        out.append("</gp:usage-rules>\n");
        indent(out, level + 1);
        out.append("<gp:method>").append(method.token()).append("</gp:method>\n");
        if (providedBy != null) {
            indent(out, level + 1);
            out.append("<gp:provided-by><pb:").append(providedBy.localName()).append(" xmlns:pb=\"");
            XmlEscaper.appendAttribute(out, providedBy.namespace());
            out.append("\">");
            XmlEscaper.appendText(out, providedBy.value());
            out.append("</pb:").append(providedBy.localName()).append("></gp:provided-by>\n");
        }
        indent(out, level);
        out.append("</gp:geopriv>\n");
    }

    private void civicAddress(StringBuilder out, int level, DispatchableAddress address) {
        indent(out, level);
        out.append("<ca:civicAddress");
        if (language != null) {
            out.append(" xml:lang=\"").append(language).append('"');
        }
        out.append(">\n");
        for (Map.Entry<CivicElement, String> e : address.elements().entrySet()) {
            String prefix = switch (e.getKey().namespace()) {
                case RFC5139 -> "ca";
                case RFC6848 -> "cae";
                case NENA_CLDXF -> nenaExtensions ? NS_NENA_PREFIX : null;
            };
            if (prefix == null) {
                continue;
            }
            indent(out, level + 1);
            String name = e.getKey().xmlName();
            out.append('<').append(prefix).append(':').append(name).append('>');
            XmlEscaper.appendText(out, e.getValue());
            out.append("</").append(prefix).append(':').append(name).append(">\n");
        }
        indent(out, level);
        out.append("</ca:civicAddress>\n");
    }

    private static void shape(StringBuilder out, int level, GeoPoint p) {
        indent(out, level);
        out.append(p.hasUncertainty() ? "<gs:Circle" : "<gml:Point").append(" srsName=\"").append(Ns.CRS_2D).append("\">\n");
        indent(out, level + 1);
        out.append("<gml:pos>").append(number(p.latitude())).append(' ').append(number(p.longitude())).append("</gml:pos>\n");
        if (p.hasUncertainty()) {
            indent(out, level + 1);
            out.append("<gs:radius uom=\"").append(Ns.UOM_METRE).append("\">").append(number(p.uncertaintyMeters()))
                    .append("</gs:radius>\n");
        }
        indent(out, level);
        out.append(p.hasUncertainty() ? "</gs:Circle>\n" : "</gml:Point>\n");
    }

    /** The shortest decimal that reads back as the same double, in plain (non-exponent) notation. */
    static String number(double d) {
        return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }

    /**
     * Collects a writer configuration. Defaults: tuple form, {@code pres:} entities,
     * {@code retransmission-allowed} {@code true} (a PSAP must pass an emergency location on; the RFC
     * default would forbid it), no retention expiry (RFC 4119 default: 24 h after the timestamp), no
     * {@code provided-by}, no {@code xml:lang}, NENA {@code PCE} rendered, id prefix {@code loc}.
     * {@link #build()} reports every problem at once.
     */
    public static final class Builder {
        private final String entityDomain;
        private EntityScheme entityScheme = EntityScheme.PRES;
        private Form form = Form.TUPLE;
        private String deviceId;
        private boolean retransmissionAllowed = true;
        private Duration retention;
        private ProvidedBy providedBy;
        private String language;
        private boolean nenaExtensions = true;
        private String idPrefix = "loc";

        private Builder(String entityDomain) {
            this.entityDomain = entityDomain;
        }

        /** {@code pres:} or {@code sip:} entity URIs. */
        public Builder entityScheme(EntityScheme scheme) {
            this.entityScheme = scheme;
            return this;
        }

        /** The RFC 4119 tuple form (the default). */
        public Builder tupleForm() {
            this.form = Form.TUPLE;
            this.deviceId = null;
            return this;
        }

        /** The RFC 4479 device form with this {@code dm:deviceID} URI (e.g. {@code urn:uuid:...}). */
        public Builder deviceForm(String deviceId) {
            this.form = Form.DEVICE;
            this.deviceId = deviceId;
            return this;
        }

        /** Sets the form; {@link Form#DEVICE} also needs {@link #deviceId(String)}. */
        public Builder form(Form form) {
            this.form = form;
            return this;
        }

        /** Sets the {@code dm:deviceID} URI; only meaningful for the device form. */
        public Builder deviceId(String deviceId) {
            this.deviceId = deviceId;
            return this;
        }

        /** The {@code gbp:retransmission-allowed} value (default {@code true}). */
        public Builder retransmissionAllowed(boolean allowed) {
            this.retransmissionAllowed = allowed;
            return this;
        }

        /** Writes {@code gbp:retention-expiry} = timestamp + retention (whole milliseconds, positive). */
        public Builder retention(Duration retention) {
            this.retention = retention;
            return this;
        }

        /** Writes {@code gp:provided-by} with this content. */
        public Builder providedBy(ProvidedBy providedBy) {
            this.providedBy = providedBy;
            return this;
        }

        /** Puts {@code xml:lang} (an {@code xs:language} tag such as {@code en-US}) on {@code civicAddress}. */
        public Builder language(String language) {
            this.language = language;
            return this;
        }

        /**
         * Whether the NENA CLDXF {@code cdx2:PCE} (ZIP+4 add-on) is rendered (default {@code true});
         * it validates only laxly, so turn it off for a receiver that refuses unknown namespaces
         * (the add-on is then lost in transit).
         */
        public Builder nenaExtensions(boolean render) {
            this.nenaExtensions = render;
            return this;
        }

        /** Prefix of the element ids (an XML NCName; default {@code loc}). */
        public Builder idPrefix(String prefix) {
            this.idPrefix = prefix;
            return this;
        }

        /**
         * Checks and builds the writer.
         *
         * @throws dev.e911.api.validation.InvalidValueException listing every problem
         */
        public PidfLoWriter build() {
            Violations v = Violations.forType("PidfLoWriter");
            v.check(entityDomain == null || !Names.isHostName(entityDomain), "entityDomain", "host",
                    "must be a DNS host name such as contact.example.com");
            v.check(entityScheme == null, "entityScheme", "required", "is required");
            v.check(form == null, "form", "required", "is required");
            if (form == Form.DEVICE) {
                v.check(deviceId == null, "deviceId", "required", "is required for the device form");
                v.check(deviceId != null && (!Names.isAbsoluteUri(deviceId) || XmlEscaper.firstIllegal(deviceId) >= 0),
                        "deviceId", "uri", "must be an absolute URI such as urn:uuid:...");
            } else {
                v.check(deviceId != null, "deviceId", "form", "applies only to the device form");
            }
            if (retention != null) {
                v.check(retention.isNegative() || retention.isZero(), "retention", "positive", "must be positive");
                v.check(retention.compareTo(Duration.ofDays(36_600)) > 0, "retention", "max", "must be at most 100 years");
                v.check(!retention.isNegative() && retention.compareTo(Duration.ofDays(36_600)) <= 0
                        && !retention.equals(Duration.ofMillis(retention.toMillis())), "retention", "millis",
                        "must be a whole number of milliseconds");
            }
            v.check(language != null && !Names.isLanguage(language), "language", "xs:language",
                    "must be a language tag such as en-US");
            v.check(idPrefix == null || !Names.isNcName(idPrefix) || idPrefix.length() > 32, "idPrefix", "ncname",
                    "must be an XML NCName of at most 32 characters");
            v.throwIfAny();
            return new PidfLoWriter(this);
        }
    }
}
