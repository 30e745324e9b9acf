package dev.e911.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.e911.core.config.ContactCenterConfig;
import dev.e911.core.gate.AvailabilityGate;
import dev.e911.core.gate.GateDecision;
import dev.e911.core.location.LocationService;
import dev.e911.core.location.ObserveOutcome;
import java.io.PrintWriter;
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

/** {@code e911 gate}: may this agent go Available? */
@Command(name = "gate", mixinStandardHelpOptions = true,
    description = "The availability hard stop: may the agent go Available, and if not, why.",
    footer = {"", "Example:", "  ./e911 gate --config examples/contact-center.json --agent grace --ip 10.10.2.57",
        "", "The agent's state comes from the file's agentLocations; network options apply one observation first.",
        "Exit codes: 0 allowed, 3 blocked, 1 bad input, 2 usage."})
final class GateCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--config", required = true, paramLabel = "FILE", description = "The contact-center configuration (JSON).")
  Path config;

  @Option(names = "--agent", required = true, paramLabel = "ID", description = "The agent's id.")
  String agent;

  @Option(names = "--at", paramLabel = "INSTANT", description = "Decide as of this instant (RFC 3339), default now.")
  Instant at;

  @Mixin NetworkOptions network;

  @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
  Format format;

  @Override
  public Integer call() {
    ContactCenterConfig c = ConfigFiles.load(config);
    Clock clock = at == null ? Clock.systemUTC() : Clock.fixed(at, ZoneOffset.UTC);
    LocationService service = LocationService.builder(c).clock(clock).build();
    ObserveOutcome observed = null;
    if (!network.isEmpty()) {
      observed = service.observe(agent, ConfigFiles.observation(clock.instant(), network.ips, network.publicIp, network.bssid, network.lldp));
    }
    GateDecision d = new AvailabilityGate(service).check(agent);
    PrintWriter out = spec.commandLine().getOut();
    if (format == Format.json) {
      ObjectNode doc = Output.F.objectNode();
      doc.put("agentId", agent);
      doc.put("allowed", d.allowed());
      if (d instanceof GateDecision.Allow a) {
        doc.put("basis", a.basis());
      } else if (d instanceof GateDecision.Block b) {
        doc.put("reason", b.reason().name());
        doc.put("message", b.message());
      }
      if (observed != null) {
        doc.put("rule", observed.rule().name());
        doc.put("next", observed.next().name());
      }
      service.current(agent).ifPresent(l -> doc.set("location", Output.tree(dev.e911.core.json.DomainJson.create().write(l))));
      out.println(Output.json(doc));
    } else {
      if (observed != null) {
        out.println("observation: " + observed.rule() + ", next: " + observed.next());
      }
      service.current(agent).ifPresent(l -> out.println("location:    " + l.address().oneLine() + " (" + l.source() + ", " + l.verification() + ")"));
      if (d instanceof GateDecision.Allow a) {
        out.println("ALLOW  " + agent + ": " + a.basis());
      } else if (d instanceof GateDecision.Block b) {
        out.println("BLOCK  " + agent + " [" + b.reason() + "]");
        out.println("  the agent sees: " + b.message());
      }
    }
    out.flush();
    return d.allowed() ? ExitCode.OK : ExitCode.BLOCKED;
  }
}
