package dev.e911.core.pidf;

import dev.e911.api.address.CivicElement;
import dev.e911.api.address.DispatchableAddress;
import dev.e911.api.validation.Violation;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A civic address read from a PIDF-LO {@code civicAddress}: {@link Accepted} when the values make a
 * {@link DispatchableAddress} under e911's rules, {@link Rejected} with every rule broken when they
 * do not (a foreign or incomplete address never crashes the reader). Both carry the
 * {@link CivicFields} as read.
 */
public sealed interface CivicLocation extends LocationPart {

    /** The fields as read (whitespace collapsed as {@code xs:token}). */
    CivicFields fields();

    /** The address, when e911's rules accept it. */
    default Optional<DispatchableAddress> acceptedAddress() {
        return this instanceof Accepted a ? Optional.of(a.address()) : Optional.empty();
    }

    /**
     * The values build a {@link DispatchableAddress}. It carries no validation record and no point:
     * a PIDF-LO does not say who validated an address; the point comes from a geodetic element (see
     * {@link PidfReadResult.Located#address()}).
     */
    record Accepted(DispatchableAddress address, CivicFields fields) implements CivicLocation {
        /** Requires both. */
        public Accepted {
            Objects.requireNonNull(address, "address");
            Objects.requireNonNull(fields, "fields");
        }
    }

    /** The values break e911's address rules; {@code violations} says which, without repeating values. */
    record Rejected(CivicFields fields, List<Violation> violations) implements CivicLocation {
        /** Copies the violations. */
        public Rejected {
            Objects.requireNonNull(fields, "fields");
            violations = List.copyOf(violations);
        }
    }

    /**
     * The raw content of a {@code civicAddress}: the elements e911 models (first occurrence of each),
     * every other child element (RFC 5139's {@code RDSEC}, {@code RDBR}, {@code RDSUBBR},
     * {@code ADDCODE}, RFC 6848's {@code PN}, {@code MP}, other NENA elements, repeated elements),
     * and the {@code xml:lang} (empty string when none was given).
     *
     * @param elements modelled elements in schema order
     * @param others the other child elements, in document order
     * @param language the {@code xml:lang} of {@code civicAddress}, empty when absent
     */
    record CivicFields(Map<CivicElement, String> elements, List<OtherElement> others, String language) {
        /** Copies the collections. */
        public CivicFields {
            elements = Collections.unmodifiableMap(elements.isEmpty()
                    ? new EnumMap<>(CivicElement.class) : new EnumMap<>(elements));
            others = List.copyOf(others);
            Objects.requireNonNull(language, "language");
        }
    }

    /**
     * A child of {@code civicAddress} that e911 does not model.
     *
     * @param namespace its namespace URI
     * @param localName its local name
     * @param value its collapsed text
     */
    record OtherElement(String namespace, String localName, String value) {
        /** Requires every component. */
        public OtherElement {
            Objects.requireNonNull(namespace, "namespace");
            Objects.requireNonNull(localName, "localName");
            Objects.requireNonNull(value, "value");
        }
    }
}
