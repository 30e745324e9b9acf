package dev.e911.core.pidf;

import dev.e911.api.address.CivicElement;
import dev.e911.api.address.DispatchableAddress;
import dev.e911.api.address.GeoPoint;
import java.time.Duration;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** jqwik generators shared by the PIDF-LO tests: addresses (US and Spanish-speaking), points, writer configurations, instants. */
final class PidfArbitraries {

    /** Characters that stress escaping and encoding: markup, quotes, Spanish accents, a supplementary character. */
    private static final String SPECIAL = "&<>\"'áéíóúñÑüÁ¿¡çàÉ ";
    private static final List<String> US_STATES = List.of("CA", "NY", "TX", "PR", "DC", "WA", "GU");

    private PidfArbitraries() {
    }

    /** Free text up to {@code max} characters: letters, digits, spaces, markup and accented characters. */
    static Arbitrary<String> text(int max) {
        Arbitrary<String> base = Arbitraries.strings()
                .withChars("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-#/.")
                .withChars(SPECIAL)
                .ofMinLength(1).ofMaxLength(Math.max(1, max / 2 - 2));
        // a supplementary character (a surrogate pair in UTF-16, 4 bytes in UTF-8), never split
        return Combinators.combine(base, Arbitraries.of("", "", "\uD83C\uDFE2"))
                .as(String::concat)
                .filter(s -> !s.isBlank());
    }

    static Arbitrary<String> optionalText(int max) {
        return Arbitraries.oneOf(Arbitraries.just(""), text(max));
    }

    /** Any element except the ones with country-specific rules. */
    private static final List<CivicElement> FREE = List.of(CivicElement.A2, CivicElement.A4, CivicElement.A5,
            CivicElement.A6, CivicElement.PRM, CivicElement.PRD, CivicElement.STS, CivicElement.POD, CivicElement.POM,
            CivicElement.HNS, CivicElement.LMK, CivicElement.LOC, CivicElement.FLR, CivicElement.NAM, CivicElement.BLD,
            CivicElement.UNIT, CivicElement.ROOM, CivicElement.SEAT, CivicElement.PLC, CivicElement.PCN,
            CivicElement.POBOX, CivicElement.STP, CivicElement.HNP);

    static Arbitrary<GeoPoint> points() {
        Arbitrary<Double> lat = Arbitraries.doubles().between(-90, 90).ofScale(6);
        Arbitrary<Double> lon = Arbitraries.doubles().between(-180, 180).ofScale(7);
        Arbitrary<Double> radius = Arbitraries.oneOf(Arbitraries.just(0.0),
                Arbitraries.doubles().between(0.5, GeoPoint.MAX_UNCERTAINTY_METERS).ofScale(2),
                Arbitraries.doubles().between(0, 100));
        return Combinators.combine(lat, lon, radius).as(GeoPoint::new);
    }

    /** US addresses that pass e911's US rules, and Mexican/Spanish ones with Spanish names. */
    static Arbitrary<DispatchableAddress> addresses() {
        return Arbitraries.oneOf(usAddresses(), foreignAddresses());
    }

    static Arbitrary<DispatchableAddress> usAddresses() {
        Arbitrary<String> zip = Arbitraries.strings().numeric().ofLength(5);
        Arbitrary<String> zip4 = Arbitraries.oneOf(Arbitraries.just(""), Arbitraries.strings().numeric().ofLength(4));
        Arbitrary<String> hno = Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(10);
        return Combinators.combine(Arbitraries.of(US_STATES), text(64), text(64), hno, zip, zip4,
                        extras(), points().injectNull(0.4))
                .as((state, city, street, number, z, z4, extra, point) -> {
                    DispatchableAddress.Builder b = DispatchableAddress.builder("US").state(state).city(city)
                            .streetName(street).houseNumber(number).postalCode(z4.isEmpty() ? z : z + "-" + z4)
                            .point(point);
                    extra.forEach(e -> b.set(e.element, e.value));
                    return b.build();
                });
    }

    static Arbitrary<DispatchableAddress> foreignAddresses() {
        return Combinators.combine(Arbitraries.of("MX", "ES", "AR", "CO"), optionalText(64),
                        Arbitraries.of("Ciudad de México", "Bogotá", "Córdoba", "A Coruña", "León & <Hijos>"),
                        Arbitraries.of("Avenida de la Constitución", "Calle Ñandú 'Sur'", "Paseo \"Colón\""),
                        extras(), points().injectNull(0.5), optionalText(16))
                .as((country, state, city, street, extra, point, pc) -> {
                    DispatchableAddress.Builder b = DispatchableAddress.builder(country).state(state).city(city)
                            .streetName(street).postalCode(pc).point(point);
                    extra.forEach(e -> b.set(e.element, e.value));
                    return b.build();
                });
    }

    record Extra(CivicElement element, String value) {
    }

    private static Arbitrary<List<Extra>> extras() {
        return Arbitraries.of(FREE)
                .flatMap(e -> text(e.maxLength()).map(v -> new Extra(e, v)))
                .list().ofMaxSize(8).uniqueElements(Extra::element);
    }

    /** Writer configurations across both forms, schemes, policy and language options. */
    static Arbitrary<PidfLoWriter> writers() {
        Arbitrary<Boolean> device = Arbitraries.of(true, false);
        Arbitrary<Boolean> sip = Arbitraries.of(true, false);
        Arbitrary<Boolean> retransmit = Arbitraries.of(true, false);
        Arbitrary<Duration> retention = Arbitraries.of(Duration.ZERO, Duration.ofHours(24), Duration.ofMillis(1),
                Duration.ofDays(30).plusMillis(7));
        Arbitrary<String> lang = Arbitraries.of("", "en-US", "es-MX", "es");
        Arbitrary<Boolean> providedBy = Arbitraries.of(true, false);
        Arbitrary<Boolean> nena = Arbitraries.of(true, false);
        return Combinators.combine(device, sip, retransmit, retention, lang, providedBy, nena)
                .as((d, s, r, ret, l, pb, n) -> {
                    PidfLoWriter.Builder b = PidfLoWriter.builder("contact.example.com")
                            .entityScheme(s ? PidfLoWriter.EntityScheme.SIP : PidfLoWriter.EntityScheme.PRES)
                            .retransmissionAllowed(r).nenaExtensions(n);
                    if (d) {
                        b.deviceForm("urn:uuid:6f1c0b7e-9a1d-4c7e-8a55-2f6e1f6d2b10");
                    }
                    if (!ret.isZero()) {
                        b.retention(ret);
                    }
                    if (!l.isEmpty()) {
                        b.language(l);
                    }
                    if (pb) {
                        b.providedBy(new ProvidedBy("urn:example:xml:ns:provider", "provider", "Acme & Söns <911>"));
                    }
                    return b.build();
                });
    }

    /** Agent ids by e911's identifier rule. */
    static Arbitrary<String> agentIds() {
        return Combinators.combine(Arbitraries.strings().alpha().numeric().ofLength(1),
                        Arbitraries.strings().withChars("abcXYZ019._:@-").ofMaxLength(40))
                .as((a, b) -> a + b);
    }

    /** Epoch milliseconds in years 0001–9998 (room for a 30-day retention), biased to edges. */
    static Arbitrary<Long> epochMillis() {
        return Arbitraries.longs().between(-62_135_596_800_000L, 253_370_764_800_000L)
                .edgeCases(c -> c.add(0L, 951_782_400_000L, 1_795_622_400_000L, -62_135_596_800_000L, 253_370_764_799_999L));
    }

    static Arbitrary<LocationMethod> methods() {
        return Arbitraries.of(LocationMethod.class);
    }
}
