package dev.e911.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.e911.api.routing.EmergencyRoutingRule;
import dev.e911.api.spi.ConfigurationFix;
import dev.e911.api.spi.PlatformResult;
import dev.e911.core.audit.AuditReport;
import dev.e911.core.audit.Finding;
import dev.e911.core.config.ContactCenterConfig;
import dev.e911.core.dialplan.DialPlan;
import dev.e911.core.dialplan.DialPlanException;
import dev.e911.genesys.GenesysPlatform;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code e911 genesys fix}: audits the org, then applies (or shows) every platform fix the findings carry. */
@Command(name = "fix", mixinStandardHelpOptions = true,
    description = "Audit the Genesys Cloud org, then apply every platform fix its findings carry (number plans, Force TURN, "
        + "location prompt, emergency caller ID), or with --dry-run print the diff of each.",
    footer = {"", "Examples:", "  ./e911 genesys fix --region us_west_2 --dry-run",
        "  ./e911 genesys fix --region us_west_2 --config examples/contact-center.json", "",
        "The OAuth client comes from GENESYS_CLIENT_ID and GENESYS_CLIENT_SECRET.",
        "The number plans pushed follow the configuration's rules and outside-line",
        "prefix (the US rules without a prefix when there is no --config).",
        "A fix this org does not allow is reported UNSUPPORTED with what to do by",
        "hand; findings without a platform fix are listed. After applying, the org",
        "is audited again.",
        "Exit codes: 0 no error finding remains, 4 at least one remains (--dry-run:",
        "exists), 1 bad input or a Genesys failure, 2 usage."})
final class GenesysFixCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin GenesysOptions genesys;

  @Option(names = "--config", paramLabel = "FILE",
      description = "The contact-center configuration (JSON): for the audit, and the dial plan the number-plan fix pushes.")
  Path config;

  @Option(names = "--dry-run", description = "Print the diff of every fix; write nothing.")
  boolean dryRun;

  /** One fix with the findings that carry it, and what applying it did. */
  record Result(ConfigurationFix fix, Set<String> codes, String result, List<String> diff, String reason) {}

  @Override
  public Integer call() {
    ContactCenterConfig c = config == null ? null : ConfigFiles.load(config);
    AuditReport before;
    AuditReport after = null;
    List<Result> results = new ArrayList<>();
    try (GenesysPlatform g = genesys.connect(dialPlan(c))) {
      before = GenesysAuditCommand.audit(GenesysOptions.readInventory(g, ""), c);
      Map<String, ConfigurationFix> fixes = new LinkedHashMap<>();
      Map<String, Set<String>> codes = new LinkedHashMap<>();
      for (Finding f : before.findings()) {
        for (ConfigurationFix x : f.platformFixes()) {
          String key = x.kind() + "\u0000" + x.targetId();
          fixes.putIfAbsent(key, x);
          codes.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(f.code().name());
        }
      }
      for (Map.Entry<String, ConfigurationFix> e : fixes.entrySet()) {
        results.add(apply(g, e.getValue(), codes.get(e.getKey())));
      }
      if (!dryRun && results.stream().anyMatch(r -> r.result().equals("CHANGED"))) {
        after = GenesysAuditCommand.audit(GenesysOptions.readInventory(g, "after the fixes"), c);
      }
    }
    List<Finding> manual = before.findings().stream().filter(f -> f.platformFixes().isEmpty()).toList();
    print(spec.commandLine().getOut(), before, results, manual, after);
    long failed = results.stream().filter(r -> r.result().equals("FAILED")).count();
    if (failed > 0) {
      spec.commandLine().getErr().println("e911: " + failed + " fix(es) failed:");
      results.stream().filter(r -> r.result().equals("FAILED")).forEach(r -> spec.commandLine().getErr().println("  " + r.reason()));
      return ExitCode.BAD_INPUT;
    }
    return (after != null ? after : before).hasErrors() ? ExitCode.AUDIT_ERRORS : ExitCode.OK;
  }

  private Result apply(GenesysPlatform g, ConfigurationFix fix, Set<String> codes) {
    PlatformResult<ConfigurationFix.Outcome> r = g.applyFix(fix, dryRun);
    if (r instanceof PlatformResult.Ok<ConfigurationFix.Outcome> ok) {
      ConfigurationFix.Outcome o = ok.value();
      String result = !o.changed() ? "UNCHANGED" : dryRun ? "WOULD_CHANGE" : "CHANGED";
      return new Result(fix, codes, result, o.diff().isBlank() ? List.of() : o.diff().strip().lines().toList(), "");
    }
    if (r instanceof PlatformResult.Failed<ConfigurationFix.Outcome> f) {
      return new Result(fix, codes, "FAILED", List.of(),
          GenesysOptions.describe(fix.kind() + " on " + fix.targetId(), f.failure()));
    }
    return new Result(fix, codes, "UNSUPPORTED", List.of(), ((PlatformResult.Unsupported<?>) r).reason());
  }

  /** The dial plan the number-plan fix pushes: the configuration's rules and prefix; none (the adapter's US default) without one. */
  private static DialPlan dialPlan(ContactCenterConfig c) {
    if (c == null) {
      return null;
    }
    try {
      DialPlan.Builder b = DialPlan.builder().rules(c.rules().isEmpty() ? EmergencyRoutingRule.usDefaults() : c.rules());
      if (!c.outsideLinePrefix().isEmpty()) {
        b.outsideLinePrefix(c.outsideLinePrefix());
      }
      return b.build();
    } catch (DialPlanException e) {
      throw new Output.BadInput("the configuration's rules do not make a dial plan to push: " + e.getMessage());
    }
  }

  private void print(PrintWriter out, AuditReport before, List<Result> results, List<Finding> manual, AuditReport after) {
    if (genesys.format == Format.json) {
      ObjectNode doc = Output.F.objectNode();
      doc.put("dryRun", dryRun);
      doc.set("before", Output.tree(before.toJson()));
      ArrayNode arr = doc.putArray("fixes");
      for (Result r : results) {
        ObjectNode n = arr.addObject().put("kind", r.fix().kind().name()).put("targetId", r.fix().targetId());
        ArrayNode cs = n.putArray("codes");
        r.codes().forEach(cs::add);
        n.put("result", r.result());
        ArrayNode d = n.putArray("diff");
        r.diff().forEach(d::add);
        n.put("reason", r.reason());
      }
      ArrayNode m = doc.putArray("manual");
      for (Finding f : manual) {
        ObjectNode n = m.addObject().put("code", f.code().name()).put("severity", f.severity().name());
        n.putObject("subject").put("type", f.subject().type().label()).put("id", f.subject().id()).put("name", f.subject().name());
        n.put("fix", f.fix());
      }
      if (after == null) {
        doc.putNull("after");
      } else {
        doc.set("after", Output.tree(after.toJson()));
      }
      out.println(Output.json(doc));
      out.flush();
      return;
    }
    out.println("Genesys fix" + (dryRun ? " (dry run: nothing was written)" : "") + ": " + before.findings().size()
        + " finding(s), " + results.size() + " platform fix(es), " + manual.size() + " finding(s) to fix by hand");
    for (Result r : results) {
      String label = switch (r.result()) {
        case "WOULD_CHANGE" -> "would change";
        case "CHANGED" -> "changed";
        case "UNCHANGED" -> "unchanged";
        case "UNSUPPORTED" -> "UNSUPPORTED";
        default -> "FAILED";
      };
      out.println(String.format(Locale.ROOT, "%-12s %s on %s  (%s)", label, r.fix().kind(), r.fix().targetId(),
          String.join(", ", r.codes())));
      r.diff().forEach(x -> out.println("             " + x));
      if (r.result().equals("UNSUPPORTED")) {
        out.println("             not possible on this org: " + r.reason());
      } else if (!r.reason().isEmpty()) {
        out.println("             " + r.reason());
      }
    }
    if (!manual.isEmpty()) {
      out.println("by hand (no platform fix):");
      for (Finding f : manual) {
        out.println(String.format(Locale.ROOT, "  %-7s %s  %s", f.severity(), f.code(), f.subject().describe()));
        out.println("          " + f.fix());
      }
    }
    if (after != null) {
      out.println("after the fixes:");
      out.print(after.toText());
    } else if (dryRun) {
      out.println("nothing was written; run without --dry-run to apply");
    }
    out.flush();
  }
}
