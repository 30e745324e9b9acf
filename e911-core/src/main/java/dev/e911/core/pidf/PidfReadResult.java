package dev.e911.core.pidf;

import dev.e911.api.address.DispatchableAddress;
import dev.e911.api.address.GeoPoint;
import dev.e911.api.validation.InvalidValueException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link PidfLoReader#read} found: {@link Located} with every geopriv location in the
 * document; {@link NoLocation} for a PIDF document without a usable location;
 * {@link UnsupportedLegacyFormat} when the only locations are in RFC 4119's obsolete namespaces;
 * {@link NotPidf} for well-formed XML that is not a PIDF {@code presence}; {@link Refused} with the
 * typed {@link PidfReadException} for hostile, oversize or malformed input. Reading never throws
 * for bad input.
 */
public sealed interface PidfReadResult {

    /** RFC 5491 rule 8 order: devices first, then tuples, then persons, each in document order. */
    Comparator<LocationElement> PRECEDENCE =
            Comparator.comparing(LocationElement::kind).thenComparingInt(LocationElement::documentIndex);

    /**
     * At least one usable location.
     *
     * @param entity the presence {@code entity} (empty if the document omitted it)
     * @param elements every geopriv found, in document order
     */
    record Located(String entity, List<LocationElement> elements) implements PidfReadResult {
        /** Copies the list. */
        public Located {
            Objects.requireNonNull(entity, "entity");
            elements = List.copyOf(elements);
        }

        /** The elements with a usable location in RFC 5491 rule 8 order (device, tuple, person). */
        public List<LocationElement> byPrecedence() {
            List<LocationElement> out = new ArrayList<>();
            for (LocationElement e : elements) {
                if (e.hasLocation()) {
                    out.add(e);
                }
            }
            out.sort(PRECEDENCE);
            return out;
        }

        /** The location a recipient uses by RFC 5491 rule 8: the first device with one, else the first tuple, else the first person. */
        public LocationElement primary() {
            return byPrecedence().get(0);
        }

        /** The first civic address in precedence order. */
        public Optional<CivicLocation> civic() {
            for (LocationElement e : byPrecedence()) {
                for (LocationPart p : e.parts()) {
                    if (p instanceof CivicLocation c) {
                        return Optional.of(c);
                    }
                }
            }
            return Optional.empty();
        }

        /** The first geodetic shape in precedence order. */
        public Optional<GeoShape> shape() {
            for (LocationElement e : byPrecedence()) {
                for (LocationPart p : e.parts()) {
                    if (p instanceof GeoShape s) {
                        return Optional.of(s);
                    }
                }
            }
            return Optional.empty();
        }

        /**
         * The dispatchable address: the first civic address in precedence order, when e911's rules
         * accept it, with the point of the first 2-D {@code Point} or {@code Circle} in precedence
         * order attached (RFC 5491 rule 3: several locations in one document describe one place).
         * Empty when there is no civic address or it was rejected.
         */
        public Optional<DispatchableAddress> address() {
            Optional<DispatchableAddress> civic = civic().flatMap(CivicLocation::acceptedAddress);
            if (civic.isEmpty()) {
                return civic;
            }
            Optional<GeoPoint> point = shape().flatMap(Located::asPoint);
            return point.map(p -> civic.get().toBuilder().point(p).build()).or(() -> civic);
        }

        private static Optional<GeoPoint> asPoint(GeoShape shape) {
            try {
                if (shape instanceof GeoShape.Point p && !p.position().threeD()) {
                    return Optional.of(GeoPoint.of(p.position().latitude(), p.position().longitude()));
                }
                if (shape instanceof GeoShape.Circle c && !c.center().threeD()) {
                    return Optional.of(new GeoPoint(c.center().latitude(), c.center().longitude(), c.radiusMeters()));
                }
            } catch (InvalidValueException e) {
                // out of e911's range (e.g. a radius over 100 km): the address goes without a point
            }
            return Optional.empty();
        }
    }

    /**
     * A PIDF document without a usable location (no geopriv, or only unknown location elements).
     *
     * @param entity the presence {@code entity} (empty if absent)
     * @param elements every geopriv found, in document order
     */
    record NoLocation(String entity, List<LocationElement> elements) implements PidfReadResult {
        /** Copies the list. */
        public NoLocation {
            Objects.requireNonNull(entity, "entity");
            elements = List.copyOf(elements);
        }
    }

    /**
     * The document's only locations use RFC 4119's obsolete {@code civicLoc} or GML 3.0 feature
     * namespaces, which e911 does not read (RFC 5139 and RFC 5491 replaced them).
     *
     * @param entity the presence {@code entity} (empty if absent)
     * @param namespaces the legacy namespace URIs found
     * @param elements every geopriv found, in document order
     */
    record UnsupportedLegacyFormat(String entity, List<String> namespaces, List<LocationElement> elements)
            implements PidfReadResult {
        /** Copies the lists. */
        public UnsupportedLegacyFormat {
            Objects.requireNonNull(entity, "entity");
            namespaces = List.copyOf(namespaces);
            elements = List.copyOf(elements);
        }
    }

    /**
     * Well-formed XML whose root is not a PIDF {@code presence}.
     *
     * @param namespace the root's namespace URI (empty for none)
     * @param localName the root's local name
     */
    record NotPidf(String namespace, String localName) implements PidfReadResult {
        /** Requires both. */
        public NotPidf {
            Objects.requireNonNull(namespace, "namespace");
            Objects.requireNonNull(localName, "localName");
        }
    }

    /**
     * The hardened reader refused the document.
     *
     * @param refusal the typed refusal, with reason, line and column
     */
    record Refused(PidfReadException refusal) implements PidfReadResult {
        /** Requires the refusal. */
        public Refused {
            Objects.requireNonNull(refusal, "refusal");
        }

        /** Shorthand for {@code refusal().reason()}. */
        public PidfReadException.Reason reason() {
            return refusal.reason();
        }
    }
}
