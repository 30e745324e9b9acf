package dev.e911.api.network;

import dev.e911.api.validation.Violations;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What an agent's client saw of its network at one moment: its local IPv4/IPv6 addresses, the public
 * (egress) address a server saw it come from, the Wi-Fi BSSID it is associated with, and the LLDP
 * switch port it is plugged into; any of them may be missing. Parsed without any DNS lookup. The
 * {@link #fingerprint()} identifies the network for re-verification.
 */
public final class NetworkObservation {

  /** Most local addresses an observation may carry (bounded input from clients). */
  public static final int MAX_LOCAL_ADDRESSES = 16;

  private final List<IpAddress> localAddresses;
  private final IpAddress publicAddress;
  private final MacAddress bssid;
  private final LldpNeighbor lldp;
  private final Instant observedAt;

  private NetworkObservation(Builder b) {
    this.localAddresses = List.copyOf(b.localAddresses);
    this.publicAddress = b.publicAddress;
    this.bssid = b.bssid;
    this.lldp = b.lldp;
    this.observedAt = b.observedAt;
  }

  /** Starts an observation made at {@code observedAt}. */
  public static Builder builder(Instant observedAt) {
    return new Builder().observedAt(observedAt);
  }

  /** The client's local addresses, in the order reported. */
  public List<IpAddress> localAddresses() {
    return localAddresses;
  }

  /** The public egress address, when known. */
  public Optional<IpAddress> publicAddress() {
    return Optional.ofNullable(publicAddress);
  }

  /** The Wi-Fi BSSID, when on Wi-Fi. */
  public Optional<MacAddress> bssid() {
    return Optional.ofNullable(bssid);
  }

  /** The LLDP switch port, when wired and reported. */
  public Optional<LldpNeighbor> lldp() {
    return Optional.ofNullable(lldp);
  }

  /** When the client made the observation. */
  public Instant observedAt() {
    return observedAt;
  }

  /** Whether the observation carries no evidence at all. */
  public boolean isEmpty() {
    return localAddresses.isEmpty() && publicAddress == null && bssid == null && lldp == null;
  }

  /**
   * The network this observation identifies, from its strongest evidence: the LLDP port when wired,
   * else the BSSID, else the public address (its /24 or /48) together with the local subnets (/24 or
   * /64), so a DHCP renewal inside one network keeps the fingerprint. Empty when there is no evidence.
   */
  public Optional<NetworkFingerprint> fingerprint() {
    if (lldp != null) {
      return Optional.of(new NetworkFingerprint("lldp=" + lldp));
    }
    if (bssid != null) {
      return Optional.of(new NetworkFingerprint("bssid=" + bssid));
    }
    List<String> parts = new ArrayList<>();
    if (publicAddress != null) {
      parts.add("public=" + subnet(publicAddress, 24, 48));
    }
    localAddresses.stream().map(a -> subnet(a, 24, 64)).distinct().sorted().forEach(s -> parts.add("local=" + s));
    return parts.isEmpty() ? Optional.empty() : Optional.of(new NetworkFingerprint(String.join(";", parts)));
  }

  private static String subnet(IpAddress address, int v4Bits, int v6Bits) {
    IpAddress a = address.unmapped();
    if (a.version() == IpAddress.Version.V4) {
      int mask = v4Bits == 0 ? 0 : -1 << (32 - v4Bits);
      return IpAddress.ofV4(a.v4Bits() & mask) + "/" + v4Bits;
    }
    long highMask = v6Bits >= 64 ? -1L : (-1L << (64 - v6Bits));
    long lowMask = v6Bits <= 64 ? 0 : (-1L << (128 - v6Bits));
    return IpAddress.ofV6(a.high() & highMask, a.low() & lowMask) + "/" + v6Bits;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof NetworkObservation other
        && localAddresses.equals(other.localAddresses)
        && Objects.equals(publicAddress, other.publicAddress)
        && Objects.equals(bssid, other.bssid)
        && Objects.equals(lldp, other.lldp)
        && observedAt.equals(other.observedAt);
  }

  @Override
  public int hashCode() {
    return Objects.hash(localAddresses, publicAddress, bssid, lldp, observedAt);
  }

  @Override
  public String toString() {
    return "NetworkObservation[local=" + localAddresses + ", public=" + publicAddress + ", bssid=" + bssid
        + ", lldp=" + lldp + ", at=" + observedAt + "]";
  }

  /** Collects an observation; {@link #build()} reports every problem at once. */
  public static final class Builder {
    private final List<IpAddress> localAddresses = new ArrayList<>();
    /** Every local address in the order added: an IpAddress, or a String literal checked in build(). */
    private final List<Object> locals = new ArrayList<>();
    private IpAddress publicAddress;
    private String rawPublic;
    private MacAddress bssid;
    private String rawBssid;
    private LldpNeighbor lldp;
    private String rawLldp;
    private Instant observedAt;

    private Builder() {}

    /** Adds a local address. */
    public Builder localAddress(IpAddress address) {
      locals.add(Objects.requireNonNull(address, "address"));
      return this;
    }

    /** Adds a local address from its literal; checked in {@link #build()}. */
    public Builder localAddress(String literal) {
      locals.add(literal == null ? "" : literal);
      return this;
    }

    /** Sets the public egress address. */
    public Builder publicAddress(IpAddress address) {
      this.publicAddress = address;
      this.rawPublic = null;
      return this;
    }

    /** Sets the public egress address from its literal; checked in {@link #build()}. */
    public Builder publicAddress(String literal) {
      this.rawPublic = literal;
      this.publicAddress = null;
      return this;
    }

    /** Sets the Wi-Fi BSSID. */
    public Builder bssid(MacAddress bssid) {
      this.bssid = bssid;
      this.rawBssid = null;
      return this;
    }

    /** Sets the Wi-Fi BSSID from any MAC notation; checked in {@link #build()}. */
    public Builder bssid(String text) {
      this.rawBssid = text;
      this.bssid = null;
      return this;
    }

    /** Sets the LLDP switch port. */
    public Builder lldp(LldpNeighbor lldp) {
      this.lldp = lldp;
      this.rawLldp = null;
      return this;
    }

    /** Sets the LLDP switch port from {@code CHASSIS/PORT}; checked in {@link #build()}. */
    public Builder lldp(String text) {
      this.rawLldp = text;
      this.lldp = null;
      return this;
    }

    /** Sets when the observation was made. */
    public Builder observedAt(Instant observedAt) {
      this.observedAt = observedAt;
      return this;
    }

    /**
     * Checks and builds the observation.
     *
     * @throws dev.e911.api.validation.InvalidValueException listing every violation
     */
    public NetworkObservation build() {
      Violations v = Violations.forType("NetworkObservation");
      Builder b = new Builder();
      for (int i = 0; i < locals.size(); i++) {
        Object local = locals.get(i);
        IpAddress a = local instanceof IpAddress typed ? typed
            : v.nested("localAddresses[" + i + "]", () -> IpAddress.parse((String) local));
        if (a != null) {
          b.localAddresses.add(a);
        }
      }
      v.check(locals.size() > MAX_LOCAL_ADDRESSES, "localAddresses", "size",
          "must hold at most " + MAX_LOCAL_ADDRESSES + " addresses");
      b.publicAddress = rawPublic == null ? publicAddress : v.nested("publicAddress", () -> IpAddress.parse(rawPublic));
      b.bssid = rawBssid == null ? bssid : v.nested("bssid", () -> MacAddress.parse(rawBssid));
      b.lldp = rawLldp == null ? lldp : v.nested("lldp", () -> LldpNeighbor.parse(rawLldp));
      b.observedAt = observedAt;
      v.check(observedAt == null, "observedAt", "required", "is required");
      v.throwIfAny();
      return new NetworkObservation(b);
    }
  }
}
