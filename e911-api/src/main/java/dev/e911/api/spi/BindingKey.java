package dev.e911.api.spi;

import dev.e911.api.validation.Violations;

/**
 * What a carrier binding is keyed by: a telephone number (E.164; a DID or ELIN) for a conventional
 * binding, or an endpoint identifier for a dynamic-location endpoint.
 */
public record BindingKey(Type type, String value) {

  /** The kind of key. */
  public enum Type {
    /** An E.164 telephone number. */
    NUMBER,
    /** A dynamic endpoint identifier (Bandwidth AEUI, IntelePeer dynamic id). */
    ENDPOINT
  }

  public BindingKey {
    Violations v = Violations.forType("BindingKey");
    v.check(type == null, "type", "required", "is required");
    v.check(value == null || value.isBlank(), "value", "required", "is required");
    v.check(value != null && value.length() > 128, "value", "length", "must be at most 128 characters");
    v.throwIfAny();
  }

  /** The key of a number binding. */
  public static BindingKey number(String e164) {
    return new BindingKey(Type.NUMBER, e164);
  }

  /** The key of an endpoint binding. */
  public static BindingKey endpoint(String id) {
    return new BindingKey(Type.ENDPOINT, id);
  }

  @Override
  public String toString() {
    return type.name().toLowerCase(java.util.Locale.ROOT) + ":" + value;
  }
}
