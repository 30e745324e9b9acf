package dev.e911.cli;

import dev.e911.api.location.Location;
import dev.e911.api.phone.Elin;
import dev.e911.api.spi.BindingKey;
import dev.e911.api.spi.CarrierAdapter;
import dev.e911.api.spi.ReadBackResult;
import dev.e911.core.audit.AuditReport;
import dev.e911.core.audit.ComplianceAuditor;
import dev.e911.core.config.ContactCenterConfig;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code e911 audit --config FILE}: the compliance auditor over the configuration file alone (offline). */
@Command(name = "audit", mixinStandardHelpOptions = true,
    description = "Audit a contact-center configuration for the known 911 traps, before it touches the platform.",
    footer = {"", "Examples:", "  ./e911 audit --config examples/contact-center.json",
        "  ./e911 audit --config examples/contact-center.json --carrier-readback --format json", "",
        "The finding codes are those of './e911 genesys audit' (docs/audit.md).",
        "Exit codes: 0 no finding of severity ERROR, 4 at least one, 1 bad input, 2 usage."})
final class AuditCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--config", required = true, paramLabel = "FILE", description = "The contact-center configuration (JSON).")
  Path config;

  @Option(names = "--carrier-readback", description = "Also ask the configured carrier what it holds for every ELIN and DID.")
  boolean carrierReadBack;

  @Option(names = "--at", paramLabel = "INSTANT", description = "Audit as of this instant (RFC 3339), default now.")
  Instant at;

  @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
  Format format;

  @Override
  public Integer call() {
    ContactCenterConfig c = ConfigFiles.load(config);
    Clock clock = at == null ? Clock.systemUTC() : Clock.fixed(at, ZoneOffset.UTC);
    ComplianceAuditor auditor = ComplianceAuditor.create(clock);
    AuditReport report;
    if (carrierReadBack) {
      CarrierAdapter carrier = ConfigFiles.carrier(c, clock, "")
          .orElseThrow(() -> new Output.BadInput(config + ": --carrier-readback needs a carrier in the configuration"));
      List<ReadBackResult> held = new ArrayList<>();
      for (Location l : c.locations()) {
        for (Elin e : l.elins()) {
          held.add(carrier.readBack(BindingKey.number(e.e164())));
        }
      }
      c.agents().forEach(a -> a.did().ifPresent(d -> held.add(carrier.readBack(BindingKey.number(d.e164())))));
      report = auditor.auditConfig(c, held);
    } else {
      report = auditor.auditConfig(c);
    }
    PrintWriter out = spec.commandLine().getOut();
    out.print(format == Format.json ? Output.json(Output.tree(report.toJson())) + "\n" : report.toText());
    out.flush();
    return report.hasErrors() ? ExitCode.AUDIT_ERRORS : ExitCode.OK;
  }
}
