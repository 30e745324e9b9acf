package dev.e911.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.e911.api.network.NetworkObservation;
import dev.e911.api.routing.EmergencyRoute;
import dev.e911.api.routing.RouteWarning;
import dev.e911.core.config.ContactCenterConfig;
import dev.e911.core.json.DomainJson;
import dev.e911.core.location.LocationService;
import dev.e911.core.route.EmergencyRouter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code e911 route}: what e911 does with one dialled number from one agent. */
@Command(name = "route", mixinStandardHelpOptions = true,
    description = "Route a dialled number: classification, presented and callback numbers, location, PIDF-LO, Geolocation headers.",
    footer = {"", "Examples:", "  ./e911 route --config examples/contact-center.json --agent grace --dial 911 --ip 10.10.2.57",
        "  ./e911 route --config examples/contact-center.json --agent luis --dial 9911 --format json", "",
        "The agent's state comes from the file's agentLocations; network options apply one observation first (sign-in).",
        "Exit codes: 0 a route was produced (for an emergency: always), 1 bad input, 2 usage."})
final class RouteCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--config", required = true, paramLabel = "FILE", description = "The contact-center configuration (JSON).")
  Path config;

  @Option(names = "--agent", required = true, paramLabel = "ID", description = "The calling agent's id.")
  String agent;

  @Option(names = "--dial", required = true, paramLabel = "DIGITS", description = "What the agent dialled.")
  String dial;

  @Option(names = "--at", paramLabel = "INSTANT", description = "Route as of this instant (RFC 3339), default now.")
  Instant at;

  @Option(names = "--entity-domain", defaultValue = "e911.invalid", paramLabel = "DOMAIN",
      description = "Domain of the PIDF-LO entity URI (default: ${DEFAULT-VALUE}).")
  String entityDomain;

  @Option(names = "--explain", description = "Say why: which evidence and rule, which fallbacks were skipped, and whether the carrier holds the callback number at the address sent.")
  boolean explain;

  @Mixin NetworkOptions network;

  @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
  Format format;

  @Override
  public Integer call() {
    ContactCenterConfig c = ConfigFiles.load(config);
    Clock clock = at == null ? Clock.systemUTC() : Clock.fixed(at, ZoneOffset.UTC);
    dev.e911.api.spi.CarrierAdapter carrier = null;
    if (explain) {
      carrier = ConfigFiles.carrier(c, clock, " for --explain").orElse(null);
    }
    // with the carrier, a pool ELIN's binding update is requested as a running e911 would (never sent: the outbox is not processed here)
    LocationService.Builder lb = LocationService.builder(c).clock(clock);
    if (carrier != null) {
      lb.carrier(carrier);
    }
    LocationService locations = lb.build();
    EmergencyRouter router = EmergencyRouter.create(locations, c, entityDomain, e -> { });
    NetworkObservation o = network.isEmpty() ? null
        : ConfigFiles.observation(clock.instant(), network.ips, network.publicIp, network.bssid, network.lldp);
    if (o != null) {
      locations.observe(agent, o);
    }
    EmergencyRoute r = router.route(agent, dial, o);
    java.util.List<String> why = explain ? Explanation.of(c, locations, carrier, agent, dial, o, r) : java.util.List.of();
    PrintWriter out = spec.commandLine().getOut();
    if (format == Format.json) {
      ObjectNode doc = (ObjectNode) Output.tree(DomainJson.create().write(r));
      if (explain) {
        com.fasterxml.jackson.databind.node.ArrayNode steps = doc.putArray("explanation");
        why.forEach(steps::add);
      }
      out.println(Output.json(doc));
    } else if (r instanceof EmergencyRoute.Emergency e) {
      out.println(e.classification() + "  " + dial + " -> " + e.dialled() + " (rule " + e.ruleId() + ")");
      out.println("present:   " + e.presentedNumber().map(Object::toString).orElse("(none)"));
      out.println("callback:  " + e.callbackNumber().map(Object::toString).orElse("(none)")
          + (e.elinBinding() == dev.e911.api.routing.ElinBinding.NOT_POOLED ? "" : ", carrier binding " + e.elinBinding()));
      c.agent(agent).flatMap(a -> a.maskedCallerId()).ifPresent(m -> out.println("           (normal calls present the masked " + m + "; never on 911)"));
      e.location().ifPresent(l -> out.println("location:  " + l.address().oneLine() + " [" + l.source() + ", " + l.verification() + "]"));
      out.println("notify:    " + (e.notifyOnSite() ? "yes (Kari's Law on-site notification)" : "no"));
      out.println("Geolocation: " + e.geolocation());
      out.println("Geolocation-Routing: " + e.geolocationRouting());
      if (!e.warnings().isEmpty()) {
        out.println("warnings:");
        for (RouteWarning w : e.warnings()) {
          out.println("  " + w.code() + ": " + w.message());
        }
      }
      if (explain) {
        out.println("why:");
        why.forEach(w -> out.println("  " + w));
      }
      out.println("PIDF-LO (" + e.pidfLoLength() + " bytes):");
      out.println(new String(e.pidfLo(), StandardCharsets.UTF_8));
    } else {
      out.println("NOT_EMERGENCY  " + dial + " (a normal call; e911 stays out of the way)");
      why.forEach(w -> out.println("  " + w));
    }
    out.flush();
    return ExitCode.OK;
  }
}
