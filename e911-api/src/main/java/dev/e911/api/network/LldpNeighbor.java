package dev.e911.api.network;

import dev.e911.api.validation.Text;
import dev.e911.api.validation.Violations;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * The switch port a wired phone or PC is plugged into, as LLDP (or CDP) reports it: the switch's
 * chassis id and the port id. Both are compared exactly after trimming; chassis ids that are MAC
 * addresses are normalised to lower-case colon form so different notations match.
 */
public record LldpNeighbor(@NotBlank @Size(max = 128) String chassisId, @NotBlank @Size(max = 128) String portId) {

  public LldpNeighbor {
    Violations v = Violations.forType("LldpNeighbor");
    v.check(chassisId == null || chassisId.isBlank(), "chassisId", "required", "is required");
    v.check(portId == null || portId.isBlank(), "portId", "required", "is required");
    v.check(chassisId != null && chassisId.strip().length() > 128, "chassisId", "length", "must be at most 128 characters");
    v.check(portId != null && portId.strip().length() > 128, "portId", "length", "must be at most 128 characters");
    v.check(chassisId != null && Text.firstIllegalXmlChar(chassisId) >= 0, "chassisId", "text.control-char", "contains a control character");
    v.check(portId != null && Text.firstIllegalXmlChar(portId) >= 0, "portId", "text.control-char", "contains a control character");
    v.throwIfAny();
    chassisId = normaliseChassis(chassisId.strip());
    portId = portId.strip();
  }

  private static String normaliseChassis(String id) {
    try {
      return MacAddress.parse(id).toString();
    } catch (dev.e911.api.validation.InvalidValueException notAMac) {
      return id;
    }
  }

  /**
   * Parses the CLI form {@code CHASSIS/PORT}: the chassis id is the text before the first slash, the
   * port id everything after it, so {@code sw1/Gi1/0/24} is chassis {@code sw1}, port {@code Gi1/0/24}.
   */
  public static LldpNeighbor parse(String text) {
    Violations v = Violations.forType("LldpNeighbor");
    int slash = text == null ? -1 : text.indexOf('/');
    v.check(slash <= 0 || slash == text.length() - 1, "", "lldp.syntax", "must be CHASSIS/PORT, e.g. 00:11:22:33:44:55/Gi1/0/24");
    v.throwIfAny();
    return new LldpNeighbor(text.substring(0, slash), text.substring(slash + 1));
  }

  @Override
  public String toString() {
    return chassisId + "/" + portId;
  }
}
