package dev.e911.core.audit;

import dev.e911.api.spi.PlatformInventory;
import dev.e911.api.spi.ReadBackResult;
import dev.e911.core.config.ContactCenterConfig;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What to audit: a platform inventory, a contact-center configuration, or both, plus optionally what the
 * carrier holds for the callback numbers (its read-back). Sites of the inventory are known as remote or
 * fixed from the configuration (matched by id, else by name ignoring case) or from explicit
 * {@link Builder#remoteSites}/{@link Builder#fixedSites}; the outside-line prefix comes from the
 * configuration unless set here. Build with {@link #builder()}.
 */
public final class AuditRequest {

  private final PlatformInventory inventory;
  private final ContactCenterConfig config;
  private final List<ReadBackResult> carrierReadBack;
  private final boolean carrierReadBackGiven;
  private final Set<String> remoteSites;
  private final Set<String> fixedSites;
  private final String outsideLinePrefix;

  private AuditRequest(Builder b) {
    this.inventory = b.inventory;
    this.config = b.config;
    this.carrierReadBack = List.copyOf(b.readBack);
    this.carrierReadBackGiven = b.readBackGiven;
    this.remoteSites = Set.copyOf(b.remoteSites);
    this.fixedSites = Set.copyOf(b.fixedSites);
    this.outsideLinePrefix = b.prefix;
  }

  /** A new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** The platform inventory, if given. */
  public Optional<PlatformInventory> inventory() {
    return Optional.ofNullable(inventory);
  }

  /** The configuration, if given. */
  public Optional<ContactCenterConfig> config() {
    return Optional.ofNullable(config);
  }

  /** The carrier's read-back results, if given (possibly empty). */
  public Optional<List<ReadBackResult>> carrierReadBack() {
    return carrierReadBackGiven ? Optional.of(carrierReadBack) : Optional.empty();
  }

  /** Platform site ids declared remote. */
  public Set<String> remoteSites() {
    return remoteSites;
  }

  /** Platform site ids declared fixed (offices). */
  public Set<String> fixedSites() {
    return fixedSites;
  }

  /** The outside-line prefix: set here, else the configuration's, else none. */
  public Optional<String> outsideLinePrefix() {
    if (outsideLinePrefix != null) {
      return outsideLinePrefix.isEmpty() ? Optional.empty() : Optional.of(outsideLinePrefix);
    }
    return config == null || config.outsideLinePrefix().isEmpty() ? Optional.empty() : Optional.of(config.outsideLinePrefix());
  }

  /** Collects a request; {@link #build()} needs an inventory or a configuration. */
  public static final class Builder {
    private PlatformInventory inventory;
    private ContactCenterConfig config;
    private final List<ReadBackResult> readBack = new ArrayList<>();
    private boolean readBackGiven;
    private final Set<String> remoteSites = new LinkedHashSet<>();
    private final Set<String> fixedSites = new LinkedHashSet<>();
    private String prefix;

    private Builder() {}

    /** The platform's state. */
    public Builder inventory(PlatformInventory inventory) {
      this.inventory = Objects.requireNonNull(inventory, "inventory");
      return this;
    }

    /** The contact center's configuration (intent: site kinds, policies, rules, notifiers, agent locations). */
    public Builder config(ContactCenterConfig config) {
      this.config = Objects.requireNonNull(config, "config");
      return this;
    }

    /** What the carrier holds for the callback numbers; numbers without a result are reported as not checked. */
    public Builder carrierReadBack(List<ReadBackResult> results) {
      for (ReadBackResult r : Objects.requireNonNull(results, "results")) {
        readBack.add(Objects.requireNonNull(r, "result"));
      }
      readBackGiven = true;
      return this;
    }

    /** Declares platform sites remote (agents at home). */
    public Builder remoteSites(Set<String> siteIds) {
      remoteSites.addAll(Objects.requireNonNull(siteIds, "siteIds"));
      return this;
    }

    /** Declares platform sites fixed (offices); their locations are office locations. */
    public Builder fixedSites(Set<String> siteIds) {
      fixedSites.addAll(Objects.requireNonNull(siteIds, "siteIds"));
      return this;
    }

    /** The outside-line prefix agents may dial before 911 (0 to 4 digits; empty: none), overriding the configuration's. */
    public Builder outsideLinePrefix(String digits) {
      Objects.requireNonNull(digits, "digits");
      if (!digits.matches("[0-9]{0,4}")) {
        throw new IllegalArgumentException("an outside-line prefix is 0 to 4 ASCII digits");
      }
      this.prefix = digits;
      return this;
    }

    /**
     * Builds the request.
     *
     * @throws IllegalStateException when neither an inventory nor a configuration was given
     */
    public AuditRequest build() {
      if (inventory == null && config == null) {
        throw new IllegalStateException("an audit needs a platform inventory, a configuration, or both");
      }
      return new AuditRequest(this);
    }
  }
}
