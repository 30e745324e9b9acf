package dev.e911.api.spi;

import dev.e911.api.agent.StationKind;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a contact-center platform holds that matters for 911: its sites with their number plans and
 * outbound routes, its locations with their addresses and emergency numbers, and its users with
 * their locations and phone settings. Absent text values are empty strings. {@code gaps} lists what
 * the platform could not tell (a setting the org does not expose, a list it refused to show), so that
 * a boolean read as {@code false} for lack of information is never mistaken for a real {@code false}.
 * Read by the compliance auditor and by sync.
 */
public record PlatformInventory(List<Site> sites, List<Location> locations, List<User> users, List<Gap> gaps) {

  public PlatformInventory {
    sites = List.copyOf(sites);
    locations = List.copyOf(locations);
    users = List.copyOf(users);
    gaps = List.copyOf(gaps);
  }

  /** An inventory with no gaps: everything it holds was read. */
  public PlatformInventory(List<Site> sites, List<Location> locations, List<User> users) {
    this(sites, locations, users, List.of());
  }

  /** Whether the platform could not tell {@code setting} of the object {@code objectId}. */
  public boolean unknown(String objectId, String setting) {
    return gaps.stream().anyMatch(g -> g.objectId().equals(objectId) && g.setting().equals(setting));
  }

  /**
   * Something the platform could not tell: the object (a user, site or location id; empty for the whole
   * org), the setting (e.g. {@link #SETTING_LOCATION_PROMPT}) and why, in words an administrator can act on.
   */
  public record Gap(String objectId, String setting, String reason) {
    public Gap {
      objectId = objectId == null ? "" : objectId;
      Objects.requireNonNull(setting, "setting");
      reason = reason == null ? "" : reason;
    }
  }

  /** {@link Gap#setting()} of {@link User#emergencyLocationPrompt()}. */
  public static final String SETTING_LOCATION_PROMPT = "emergencyLocationPrompt";
  /** {@link Gap#setting()} of {@link User#webRtcForceTurn()}. */
  public static final String SETTING_FORCE_TURN = "webRtcForceTurn";

  /** A platform site: where calls of its phones are routed from. */
  public record Site(String id, String name, String locationId, List<NumberPlanEntry> numberPlan,
      List<OutboundRoute> outboundRoutes) {
    public Site {
      Objects.requireNonNull(id, "id");
      name = name == null ? "" : name;
      locationId = locationId == null ? "" : locationId;
      numberPlan = List.copyOf(numberPlan);
      outboundRoutes = List.copyOf(outboundRoutes);
    }
  }

  /** One number-plan entry: a pattern, its classification (e.g. {@code Emergency}) and priority (lower first). */
  public record NumberPlanEntry(String name, String pattern, String classification, int priority) {
    public NumberPlanEntry {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(pattern, "pattern");
      Objects.requireNonNull(classification, "classification");
    }
  }

  /**
   * An outbound route: which classifications it carries and what calling number it presents
   * ({@code callerIdNumber} empty when it presents the caller's own number).
   */
  public record OutboundRoute(String id, String name, List<String> classificationTypes, boolean callerIdMasked,
      String callerIdNumber) {
    public OutboundRoute {
      Objects.requireNonNull(id, "id");
      name = name == null ? "" : name;
      classificationTypes = List.copyOf(classificationTypes);
      callerIdNumber = callerIdNumber == null ? "" : callerIdNumber;
    }
  }

  /**
   * A platform location: its address as the platform stores it (field name to value), whether the
   * platform marked it verified, and its emergency number (ELIN) in E.164, or empty.
   */
  public record Location(String id, String name, Map<String, String> address, boolean addressVerified,
      String emergencyNumber) {
    public Location {
      Objects.requireNonNull(id, "id");
      name = name == null ? "" : name;
      address = Map.copyOf(address);
      emergencyNumber = emergencyNumber == null ? "" : emergencyNumber;
    }
  }

  /** A platform user with the settings that decide where their 911 calls go. */
  public record User(String id, String name, String siteId, List<String> locationIds, StationKind station,
      boolean webRtcForceTurn, boolean emergencyLocationPrompt) {
    public User {
      Objects.requireNonNull(id, "id");
      name = name == null ? "" : name;
      siteId = siteId == null ? "" : siteId;
      locationIds = List.copyOf(locationIds);
      Objects.requireNonNull(station, "station");
    }
  }
}
