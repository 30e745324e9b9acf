package dev.e911.cli;

import dev.e911.api.spi.PlatformInventory;
import dev.e911.core.audit.AuditReport;
import dev.e911.core.audit.AuditRequest;
import dev.e911.core.audit.ComplianceAuditor;
import dev.e911.core.config.ContactCenterConfig;
import dev.e911.genesys.GenesysPlatform;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code e911 genesys audit}: reads the org and reports its 911 traps. */
@Command(name = "audit", mixinStandardHelpOptions = true,
    description = "Read the Genesys Cloud org (sites, number plans, outbound routes, locations, users, phones) and report its 911 traps.",
    footer = {"", "Examples:", "  ./e911 genesys audit --region us_west_2",
        "  ./e911 genesys audit --region mypurecloud.ie --format json \\",
        "      --config examples/contact-center.json", "",
        "The OAuth client comes from GENESYS_CLIENT_ID and GENESYS_CLIENT_SECRET.",
        "--config adds what only it knows: which sites are remote or fixed, the",
        "outside-line prefix, notifiers, agents (docs/audit.md lists every finding).",
        "Exit codes: 0 no error finding, 4 at least one, 1 bad input or a Genesys",
        "failure, 2 usage."})
final class GenesysAuditCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin GenesysOptions genesys;

  @Option(names = "--config", paramLabel = "FILE",
      description = "The contact-center configuration (JSON): site kinds, prefix, notifiers and agents for the audit.")
  Path config;

  @Override
  public Integer call() {
    ContactCenterConfig c = config == null ? null : ConfigFiles.load(config);
    AuditReport report;
    try (GenesysPlatform g = genesys.connect(null)) {
      report = audit(GenesysOptions.readInventory(g, ""), c);
    }
    print(spec.commandLine().getOut(), report, genesys.format);
    return report.hasErrors() ? ExitCode.AUDIT_ERRORS : ExitCode.OK;
  }

  /** The compliance audit of an inventory, with the configuration when there is one. */
  static AuditReport audit(PlatformInventory inventory, ContactCenterConfig config) {
    AuditRequest.Builder request = AuditRequest.builder().inventory(inventory);
    if (config != null) {
      request.config(config);
    }
    return ComplianceAuditor.create(Clock.systemUTC()).audit(request.build());
  }

  static void print(PrintWriter out, AuditReport report, Format format) {
    if (format == Format.json) {
      out.println(Output.json(Output.tree(report.toJson())));
    } else {
      out.print(report.toText());
    }
    out.flush();
  }
}
