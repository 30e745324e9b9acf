package dev.e911.api.location;

import dev.e911.api.address.DispatchableAddress;
import dev.e911.api.phone.Elin;
import dev.e911.api.validation.Identifiers;
import dev.e911.api.validation.Text;
import dev.e911.api.validation.Violations;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A named place an agent can be (an office floor, a call-center zone, an agent's home): its
 * dispatchable address and the ELINs (Emergency Location Identification Numbers) that identify it to
 * the 911 system. Every ELIN must be of kind {@link Elin.Kind#LOCATION_ELIN} and appear once.
 */
public record Location(@NotBlank String id, @NotBlank String name, @NotNull @Valid DispatchableAddress address,
    @NotNull List<@Valid Elin> elins) {

  public Location {
    Violations v = Violations.forType("Location");
    Identifiers.check(v, "id", id);
    v.check(name == null || name.isBlank(), "name", "required", "is required");
    v.check(name != null && Text.token(name).length() > 128, "name", "length", "must be at most 128 characters");
    v.check(name != null && Text.firstIllegalXmlChar(name) >= 0, "name", "text.control-char", "contains a character XML cannot carry");
    v.check(address == null, "address", "required", "is required");
    List<Elin> given = elins == null ? List.of() : new ArrayList<>(elins);
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < given.size(); i++) {
      Elin e = given.get(i);
      if (e == null) {
        v.add("elins[" + i + "]", "required", "is required");
        continue;
      }
      v.check(e.kind() != Elin.Kind.LOCATION_ELIN, "elins[" + i + "]", "elin.kind", "must be a LOCATION_ELIN");
      v.check(!seen.add(e.e164()), "elins[" + i + "]", "duplicate", "appears more than once");
    }
    v.throwIfAny();
    elins = List.copyOf(given);
    name = Text.token(name);
  }

  /** A location without ELINs. */
  public static Location of(String id, String name, DispatchableAddress address) {
    return new Location(id, name, address, List.of());
  }

  /** The first ELIN, the one presented on emergency calls from here, if the location has one. */
  public java.util.Optional<Elin> primaryElin() {
    return elins.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(elins.get(0));
  }
}
