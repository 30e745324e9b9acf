package dev.e911.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.e911.api.network.NetworkObservation;
import dev.e911.core.config.ContactCenterConfig;
import dev.e911.core.network.Evidence;
import dev.e911.core.network.NetworkLocator;
import dev.e911.core.network.NetworkMatch;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code e911 locate}: which known location a network observation points at, and on what evidence. */
@Command(name = "locate", mixinStandardHelpOptions = true,
    description = "Match a network observation against the configuration's network map.",
    footer = {"", "Example:", "  ./e911 locate --config examples/contact-center.json --ip 10.10.2.57 --bssid 00:1a:2b:3c:02:11",
        "", "Exit codes: 0 answered (matched or not), 1 bad configuration or observation, 2 usage."})
final class LocateCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--config", required = true, paramLabel = "FILE", description = "The contact-center configuration (JSON).")
  Path config;

  @Mixin NetworkOptions network;

  @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
  Format format;

  @Override
  public Integer call() {
    ContactCenterConfig c = ConfigFiles.load(config);
    if (network.isEmpty()) {
      throw new Output.BadInput("give at least one of --ip, --public-ip, --bssid, --lldp");
    }
    NetworkObservation o = ConfigFiles.observation(Instant.EPOCH, network.ips, network.publicIp, network.bssid, network.lldp);
    NetworkMatch m = NetworkLocator.of(c.networkMap()).locate(o);
    PrintWriter out = spec.commandLine().getOut();
    if (format == Format.json) {
      ObjectNode doc = Output.F.objectNode();
      doc.put("matched", m.best().isPresent());
      m.bestLocationId().ifPresent(id -> {
        doc.put("locationId", id);
        doc.put("locationName", c.location(id).orElseThrow().name());
        doc.put("address", c.location(id).orElseThrow().address().oneLine());
      });
      m.best().ifPresent(b -> doc.put("strength", b.kind().name()));
      doc.put("verifies", m.verifies());
      doc.put("conflicting", m.conflicting());
      ArrayNode ev = doc.putArray("evidence");
      for (Evidence e : m.evidence()) {
        ev.addObject().put("kind", e.kind().name()).put("matched", e.matched()).put("locationId", e.locationId())
            .put("verifies", e.kind().verifies());
      }
      out.println(Output.json(doc));
    } else if (m.best().isEmpty()) {
      out.println("no known location: nothing in the observation matches the network map");
      out.println("(the agent will be UNVERIFIED and asked to confirm an address)");
    } else {
      String id = m.bestLocationId().orElseThrow();
      out.println("location: " + id + " (" + c.location(id).orElseThrow().name() + ")");
      out.println("address:  " + c.location(id).orElseThrow().address().oneLine());
      out.println("strength: " + m.best().orElseThrow().kind() + (m.verifies() ? " (verifies the location)"
          : " (too weak to verify on its own: a home office on the corporate VPN egresses here too)"));
      out.println("evidence:");
      m.evidence().forEach(e -> out.println("  " + e.kind() + " " + e.matched() + " -> " + e.locationId()));
      if (m.conflicting()) {
        out.println("CONFLICT: evidence points at more than one location; the strongest wins:");
        m.conflicts().forEach(e -> out.println("  " + e));
      }
    }
    out.flush();
    return ExitCode.OK;
  }
}
