package dev.e911.core.network;

import dev.e911.api.network.IpAddress;
import dev.e911.api.network.LldpNeighbor;
import dev.e911.api.network.NetworkObservation;
import dev.e911.api.validation.Violations;
import dev.e911.core.config.NetworkMapping;
import dev.e911.core.network.internal.BssidTable;
import dev.e911.core.network.internal.Ipv4PrefixTable;
import dev.e911.core.network.internal.Ipv6PrefixTable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Maps a {@link NetworkObservation} to known locations using the network map: longest-prefix match
 * over IPv4 and IPv6 subnets and public ranges, Wi-Fi BSSIDs (exact or per access point), and LLDP
 * switch ports. Immutable and thread-safe; built once per configuration (100k prefixes load in well
 * under a second) and rebuilt off the hot path. The primitive lookups ({@link #subnetEntry}) allocate
 * nothing, and neither does {@link #bestEntry} (the strongest evidence only, for the call hot path);
 * {@link #locate} collects every piece of evidence, strongest first, conflicts included.
 * The same prefix, BSSID or port mapped to two different locations is refused when building.
 */
public final class NetworkLocator {

  private static final int NO_MATCH = Ipv4PrefixTable.NO_MATCH;

  private final List<Evidence> entries;
  private final Ipv4PrefixTable subnetsV4;
  private final Ipv6PrefixTable subnetsV6;
  private final Ipv4PrefixTable publicV4;
  private final Ipv6PrefixTable publicV6;
  private final BssidTable bssids;
  private final Map<String, Integer> ports;
  private final Map<String, Integer> wholeSwitches;

  private NetworkLocator(Builder b) {
    this.entries = List.copyOf(b.entries);
    this.subnetsV4 = b.subnetsV4.build();
    this.subnetsV6 = b.subnetsV6.build();
    this.publicV4 = b.publicV4.build();
    this.publicV6 = b.publicV6.build();
    this.bssids = b.bssids.build();
    this.ports = Map.copyOf(b.ports);
    this.wholeSwitches = Map.copyOf(b.wholeSwitches);
  }

  /**
   * Builds a locator from the network map.
   *
   * @throws dev.e911.api.validation.InvalidValueException naming every piece of evidence mapped to two locations
   */
  public static NetworkLocator of(List<NetworkMapping> mappings) {
    Builder b = new Builder();
    for (int i = 0; i < mappings.size(); i++) {
      b.add("networkMap[" + i + "]", mappings.get(i));
    }
    b.violations.throwIfAny();
    return new NetworkLocator(b);
  }

  /** Every piece of evidence in the observation that matches the map, strongest first. */
  public NetworkMatch locate(NetworkObservation observation) {
    List<Evidence> found = new ArrayList<>(4);
    observation.lldp().ifPresent(l -> {
      int e = portEntry(l);
      if (e != NO_MATCH) {
        found.add(entries.get(e));
      }
    });
    observation.bssid().ifPresent(mac -> {
      int e = bssids.lookup(mac.bits());
      if (e != NO_MATCH) {
        found.add(entries.get(e));
      }
    });
    for (IpAddress a : observation.localAddresses()) {
      int e = subnetEntry(a);
      if (e != NO_MATCH && !found.contains(entries.get(e))) {
        found.add(entries.get(e));
      }
    }
    observation.publicAddress().ifPresent(a -> {
      int e = publicEntry(a);
      if (e != NO_MATCH) {
        found.add(entries.get(e));
      }
    });
    return found.isEmpty() ? NetworkMatch.none() : new NetworkMatch(found);
  }

  /**
   * The entry index of the strongest evidence in the observation, or -1: the first of what
   * {@link #locate} would list, {@code locate(o).best()} is {@code entry(bestEntry(o))}. Allocation-free
   * unless the observation carries an LLDP port (the port key is a string).
   */
  public int bestEntry(NetworkObservation observation) {
    LldpNeighbor port = observation.lldp().orElse(null);
    if (port != null) {
      int e = portEntry(port);
      if (e != NO_MATCH) {
        return e;
      }
    }
    dev.e911.api.network.MacAddress mac = observation.bssid().orElse(null);
    if (mac != null) {
      int e = bssids.lookup(mac.bits());
      if (e != NO_MATCH) {
        return e;
      }
    }
    List<IpAddress> local = observation.localAddresses();
    for (int i = 0; i < local.size(); i++) {
      int e = subnetEntry(local.get(i));
      if (e != NO_MATCH) {
        return e;
      }
    }
    IpAddress pub = observation.publicAddress().orElse(null);
    return pub == null ? NO_MATCH : publicEntry(pub);
  }

  /** The entry index of the longest local-subnet prefix containing {@code address}, or -1. Allocation-free. */
  public int subnetEntry(IpAddress address) {
    IpAddress a = address.unmapped();
    return a.version() == IpAddress.Version.V4 ? subnetsV4.lookup((int) a.low()) : subnetsV6.lookup(a.high(), a.low());
  }

  /** The entry index of the longest public range containing {@code address}, or -1. Allocation-free. */
  public int publicEntry(IpAddress address) {
    IpAddress a = address.unmapped();
    return a.version() == IpAddress.Version.V4 ? publicV4.lookup((int) a.low()) : publicV6.lookup(a.high(), a.low());
  }

  /** The entry index of the switch port (exact port first, then the whole switch), or -1. */
  public int portEntry(LldpNeighbor port) {
    Integer exact = ports.get(port.chassisId() + "/" + port.portId());
    if (exact != null) {
      return exact;
    }
    Integer any = wholeSwitches.get(port.chassisId());
    return any == null ? NO_MATCH : any;
  }

  /** The evidence an entry index stands for. */
  public Evidence entry(int index) {
    return entries.get(index);
  }

  /** How many pieces of evidence the map holds. */
  public int size() {
    return entries.size();
  }

  private static final class Builder {
    final List<Evidence> entries = new ArrayList<>();
    final Map<String, String> claimed = new HashMap<>();
    final Violations violations = Violations.forType("NetworkLocator");
    final Ipv4PrefixTable.Builder subnetsV4 = Ipv4PrefixTable.builder();
    final Ipv6PrefixTable.Builder subnetsV6 = Ipv6PrefixTable.builder();
    final Ipv4PrefixTable.Builder publicV4 = Ipv4PrefixTable.builder();
    final Ipv6PrefixTable.Builder publicV6 = Ipv6PrefixTable.builder();
    final BssidTable.Builder bssids = BssidTable.builder();
    final Map<String, Integer> ports = new HashMap<>();
    final Map<String, Integer> wholeSwitches = new HashMap<>();

    void add(String path, NetworkMapping m) {
      String loc = m.locationId();
      for (int i = 0; i < m.subnets().size(); i++) {
        IpPrefix p = m.subnets().get(i);
        int e = entry(path + ".subnets[" + i + "]", Evidence.Kind.SUBNET, loc, p.toString());
        if (e >= 0) {
          addPrefix(p, e, subnetsV4, subnetsV6);
        }
      }
      for (int i = 0; i < m.publicRanges().size(); i++) {
        IpPrefix p = m.publicRanges().get(i);
        int e = entry(path + ".publicRanges[" + i + "]", Evidence.Kind.PUBLIC_RANGE, loc, p.toString());
        if (e >= 0) {
          addPrefix(p, e, publicV4, publicV6);
        }
      }
      for (int i = 0; i < m.bssids().size(); i++) {
        BssidPattern p = m.bssids().get(i);
        int e = entry(path + ".bssids[" + i + "]", Evidence.Kind.BSSID, loc, p.toString());
        if (e >= 0) {
          bssids.add(p.prefix(), p.bits(), e);
        }
      }
      for (int i = 0; i < m.switchPorts().size(); i++) {
        LldpNeighbor port = m.switchPorts().get(i);
        int e = entry(path + ".switchPorts[" + i + "]", Evidence.Kind.SWITCH_PORT, loc, port.toString());
        if (e >= 0) {
          if (port.portId().equals("*")) {
            wholeSwitches.put(port.chassisId(), e);
          } else {
            ports.put(port.chassisId() + "/" + port.portId(), e);
          }
        }
      }
    }

    private int entry(String path, Evidence.Kind kind, String locationId, String matched) {
      String key = kind + " " + matched;
      String previous = claimed.putIfAbsent(key, locationId);
      if (previous != null) {
        violations.check(!previous.equals(locationId), path, "network.ambiguous",
            matched + " is already mapped to location " + previous);
        return -1;
      }
      entries.add(new Evidence(kind, locationId, matched));
      return entries.size() - 1;
    }

    private static void addPrefix(IpPrefix p, int value, Ipv4PrefixTable.Builder v4, Ipv6PrefixTable.Builder v6) {
      IpAddress n = p.network();
      if (n.version() == IpAddress.Version.V4) {
        v4.add((int) n.low(), p.length(), value);
      } else {
        v6.add(n.high(), n.low(), p.length(), value);
      }
    }
  }
}
