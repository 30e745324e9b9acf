package dev.e911.genesys.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the caller-ID override of an external trunk base (genesys-cloud.md 3.5): the trunk masks the
 * caller's own number when it has a calling address and either overrides it {@code Always} or, in the
 * newer model, ranks {@code Trunk} ahead of {@code Source} in {@code trunk_calling_id_priority}. An
 * {@code Unassigned DID} override leaves callers with a DID alone and is not counted as masking.
 */
public final class CallerIdPolicy {

  static final String CALLING_ADDRESS = "trunk_outboundIdentity_callingAddress";
  static final String OVERRIDE_METHOD = "trunk_outboundIdentity_callingAddress_overrideMethod";
  static final String PRIORITY = "trunk_calling_id_priority";
  static final String ALWAYS = "Always";
  static final String UNASSIGNED_DID = "Unassigned DID";

  /** What a trunk base presents: whether it masks and the number it puts in place of the caller's. */
  public record Presented(boolean masked, String number) {}

  private CallerIdPolicy() {}

  /** What {@code trunkBase} presents on the calls it carries. */
  public static Presented of(JsonNode trunkBase) {
    String number = instanceText(trunkBase, CALLING_ADDRESS);
    if (number.isEmpty()) {
      return new Presented(false, "");
    }
    boolean always = ALWAYS.equalsIgnoreCase(instanceText(trunkBase, OVERRIDE_METHOD));
    List<String> order = priority(trunkBase);
    int trunk = order.indexOf("Trunk");
    int source = order.indexOf("Source");
    boolean trunkFirst = trunk >= 0 && (source < 0 || trunk < source);
    return always || trunkFirst ? new Presented(true, number) : new Presented(false, "");
  }

  static String instanceText(JsonNode owner, String key) {
    JsonNode v = owner.path("properties").path(key).path("value").path("instance");
    return v.isValueNode() ? v.asText().strip() : "";
  }

  static List<String> priority(JsonNode owner) {
    List<String> out = new ArrayList<>();
    owner.path("properties").path(PRIORITY).path("value").path("instance").forEach(n -> out.add(n.asText()));
    return out;
  }
}
