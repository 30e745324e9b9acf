package dev.e911.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The network-observation options shared by locate, gate and route. */
final class NetworkOptions {

  @Option(names = "--ip", paramLabel = "IP", description = "A local IPv4/IPv6 address of the agent's device (repeatable).")
  List<String> ips = new ArrayList<>();

  @Option(names = "--public-ip", paramLabel = "IP", description = "The public (egress) address a server saw.")
  String publicIp;

  @Option(names = "--bssid", paramLabel = "MAC", description = "The Wi-Fi access point's BSSID, any MAC notation.")
  String bssid;

  @Option(names = "--lldp", paramLabel = "CHASSIS/PORT", description = "The switch port from LLDP, e.g. 00:1a:2b:00:00:03/Gi1/0/7.")
  String lldp;

  boolean isEmpty() {
    return ips.isEmpty() && publicIp == null && bssid == null && lldp == null;
  }
}
