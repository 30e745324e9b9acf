package dev.e911.api.site;

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
 * A platform grouping of agents: a {@link Kind#FIXED} office or a {@link Kind#REMOTE} site whose
 * agents' locations are dynamic. It names its default location (the last resort of the location
 * ladder), its media policy, and the pool of ELINs lent to callers who have neither a DID nor a
 * location ELIN.
 */
public record Site(@NotBlank String id, @NotBlank String name, @NotNull Kind kind, @NotBlank String defaultLocationId,
    @NotNull @Valid MediaPolicy mediaPolicy, @NotNull List<@Valid Elin> elinPool) {

  /** Whether agents of the site sit at known places or move around. */
  public enum Kind {
    /** An office: agents are on its networks. */
    FIXED,
    /** Remote and hybrid agents: location is detected and confirmed per agent. */
    REMOTE
  }

  /**
   * How the site's softphones behave: whether WebRTC media is forced through TURN (needed when remote
   * agents sit behind home NATs) and whether users are prompted for their emergency location.
   */
  public record MediaPolicy(boolean forceTurn, boolean promptForEmergencyLocation) {

    /** What a remote site should have: TURN forced and the location prompt on. */
    public static MediaPolicy remoteDefaults() {
      return new MediaPolicy(true, true);
    }
  }

  public Site {
    Violations v = Violations.forType("Site");
    Identifiers.check(v, "id", id);
    v.check(name == null || name.isBlank(), "name", "required", "is required");
    v.check(name != null && (Text.token(name).length() > 128 || Text.firstIllegalXmlChar(name) >= 0), "name", "text",
        "must be at most 128 XML-safe characters");
    v.check(kind == null, "kind", "required", "is required");
    Identifiers.check(v, "defaultLocationId", defaultLocationId);
    v.check(mediaPolicy == null, "mediaPolicy", "required", "is required");
    List<Elin> given = elinPool == null ? List.of() : new ArrayList<>(elinPool);
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < given.size(); i++) {
      Elin e = given.get(i);
      if (e == null) {
        v.add("elinPool[" + i + "]", "required", "is required");
        continue;
      }
      v.check(e.kind() != Elin.Kind.POOL_ELIN, "elinPool[" + i + "]", "elin.kind", "must be a POOL_ELIN");
      v.check(!seen.add(e.e164()), "elinPool[" + i + "]", "duplicate", "appears more than once");
    }
    v.throwIfAny();
    elinPool = List.copyOf(given);
    name = Text.token(name);
  }
}
