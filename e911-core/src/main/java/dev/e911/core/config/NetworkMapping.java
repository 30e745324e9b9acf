package dev.e911.core.config;

import dev.e911.api.network.LldpNeighbor;
import dev.e911.api.validation.Identifiers;
import dev.e911.api.validation.Violations;
import dev.e911.core.network.BssidPattern;
import dev.e911.core.network.IpPrefix;
import java.util.List;

/**
 * One entry of the network map: the evidence that puts an agent at a known location — local
 * subnets, Wi-Fi BSSIDs (exact or per access point), LLDP switch ports (a port id of {@code *}
 * covers every port of the switch) and public egress ranges (the weakest evidence: a home office
 * behind the corporate VPN egresses there too).
 */
public record NetworkMapping(String locationId, List<IpPrefix> subnets, List<BssidPattern> bssids,
    List<LldpNeighbor> switchPorts, List<IpPrefix> publicRanges) {

  public NetworkMapping {
    Violations v = Violations.forType("NetworkMapping");
    Identifiers.check(v, "locationId", locationId);
    subnets = subnets == null ? List.of() : List.copyOf(subnets);
    bssids = bssids == null ? List.of() : List.copyOf(bssids);
    switchPorts = switchPorts == null ? List.of() : List.copyOf(switchPorts);
    publicRanges = publicRanges == null ? List.of() : List.copyOf(publicRanges);
    v.check(subnets.isEmpty() && bssids.isEmpty() && switchPorts.isEmpty() && publicRanges.isEmpty(), "", "network.empty",
        "names no subnet, BSSID, switch port or public range");
    v.throwIfAny();
  }
}
