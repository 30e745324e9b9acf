package dev.e911.core.audit;

import java.util.Locale;
import java.util.Objects;

/**
 * The object a {@link Finding} concerns: its type, its id on the platform (or in the configuration
 * file) and its display name, empty when unknown.
 */
public record Subject(Type type, String id, String name) {

  /** The kinds of object the auditor reports on. */
  public enum Type {
    /** A platform site, or a site of the configuration file. */
    SITE,
    /** A platform location, or a location of the configuration file. */
    LOCATION,
    /** A platform user. */
    USER,
    /** An agent of the configuration file. */
    AGENT,
    /** An outbound route of a site. */
    ROUTE,
    /** A callback number (ELIN or DID). */
    NUMBER,
    /** e911's own emergency dial plan (the configuration's rules). */
    DIAL_PLAN,
    /** The contact center as a whole. */
    CONTACT_CENTER;

    /** Lower-case name for text and JSON. */
    public String label() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
  }

  public Subject {
    Objects.requireNonNull(type, "type");
    id = id == null ? "" : id;
    name = name == null ? "" : name;
  }

  /** {@code type id (name)}. */
  public String describe() {
    String n = name.isEmpty() || name.equals(id) ? "" : " (" + name + ")";
    return type.label() + (id.isEmpty() ? "" : " " + id) + n;
  }
}
