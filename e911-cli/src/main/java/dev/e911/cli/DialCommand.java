package dev.e911.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.e911.api.routing.EmergencyRoutingRule;
import dev.e911.core.dialplan.DialPlan;
import dev.e911.core.dialplan.DialPlanException;
import dev.e911.core.dialplan.DialResult;
import dev.e911.core.dialplan.GenesysNumberPlanEntry;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code e911 dial}: the compiled emergency dial plan. */
@Command(name = "dial", mixinStandardHelpOptions = true, description = "The emergency dial plan.",
    subcommands = {DialCommand.Classify.class, DialCommand.NumberPlan.class})
final class DialCommand implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  static DialPlan plan(Path config, String prefix, List<String> national) {
    List<EmergencyRoutingRule> rules = config == null ? EmergencyRoutingRule.usDefaults() : ConfigFiles.load(config).rules();
    String p = prefix != null ? prefix : config == null ? "" : ConfigFiles.load(config).outsideLinePrefix();
    try {
      DialPlan.Builder b = DialPlan.builder().rules(rules);
      if (!p.isEmpty()) {
        b.outsideLinePrefix(p);
      }
      if (!national.isEmpty()) {
        b.nationalEmergencyNumbers(national.toArray(String[]::new));
      }
      return b.build();
    } catch (DialPlanException e) {
      throw new Output.BadInput(e.getMessage());
    }
  }

  /** {@code e911 dial classify DIGITS}. */
  @Command(name = "classify", mixinStandardHelpOptions = true,
      description = "Classify a dialled string: EMERGENCY, EMERGENCY_TEST or NOT_EMERGENCY.",
      footer = {"", "Examples:", "  ./e911 dial classify 9911 --prefix 9", "  ./e911 dial classify 'sip:933@sbc.example.com;user=phone' --format json",
          "", "Without --config the US defaults (911, 933) apply. Exit codes: 0 classified, 1 bad plan, 2 usage."})
  static final class Classify implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIGITS", description = "What the agent dialled (digits, tel: or sip: URI).")
    String dialled;

    @Option(names = "--prefix", paramLabel = "DIGITS", description = "The outside-line prefix (e.g. 9); default from --config.")
    String prefix;

    @Option(names = "--national", split = ",", paramLabel = "NUMBER", description = "Extra national emergency numbers, e.g. 112,999.")
    List<String> national = new ArrayList<>();

    @Option(names = "--config", paramLabel = "FILE", description = "Take the rules (and prefix) from this configuration.")
    Path config;

    @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
    Format format;

    @Override
    public Integer call() {
      DialResult r = plan(config, prefix, national).classify(dialled);
      PrintWriter out = spec.commandLine().getOut();
      if (format == Format.json) {
        ObjectNode doc = Output.F.objectNode();
        doc.put("dialled", dialled);
        doc.put("classification", r.classification().name());
        if (r instanceof DialResult.Match m) {
          doc.put("ruleId", m.rule().id());
          doc.put("digits", m.digits());
          doc.put("number", m.number());
          doc.put("viaOutsideLinePrefix", m.viaOutsideLinePrefix());
          doc.put("callbackPolicy", m.rule().callbackPolicy().name());
          doc.put("notifyOnSite", m.rule().notifyOnSite());
        }
        out.println(Output.json(doc));
      } else if (r instanceof DialResult.Match m) {
        out.println(r.classification() + "  " + dialled + " -> " + m.number() + " (rule " + m.rule().id()
            + (m.viaOutsideLinePrefix() ? ", dialled behind the outside-line prefix" : "") + ")");
      } else {
        out.println(r.classification() + "  " + dialled);
      }
      out.flush();
      return ExitCode.OK;
    }
  }

  /** {@code e911 dial number-plan}: the Genesys number-plan entries implementing the plan. */
  @Command(name = "number-plan", mixinStandardHelpOptions = true,
      description = "Print the Genesys Cloud number-plan entries that implement the emergency plan.",
      footer = {"", "Example:", "  ./e911 dial number-plan --config examples/contact-center.json --format json"})
  static final class NumberPlan implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--prefix", paramLabel = "DIGITS", description = "The outside-line prefix; default from --config.")
    String prefix;

    @Option(names = "--national", split = ",", paramLabel = "NUMBER", description = "Extra national emergency numbers.")
    List<String> national = new ArrayList<>();

    @Option(names = "--config", paramLabel = "FILE", description = "Take the rules (and prefix) from this configuration.")
    Path config;

    @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
    Format format;

    @Override
    public Integer call() {
      List<GenesysNumberPlanEntry> entries = plan(config, prefix, national).genesysNumberPlans();
      PrintWriter out = spec.commandLine().getOut();
      if (format == Format.json) {
        ArrayNode arr = Output.F.arrayNode();
        for (GenesysNumberPlanEntry e : entries) {
          arr.addObject().put("name", e.name()).put("state", e.state()).put("classification", e.classification())
              .put("matchType", e.matchType()).put("match", e.match()).put("normalizedFormat", e.normalizedFormat())
              .put("priority", e.priority());
        }
        out.println(Output.json(arr));
      } else {
        for (GenesysNumberPlanEntry e : entries) {
          out.println(e.priority() + "  " + e.name() + "  " + e.match() + " -> " + e.normalizedFormat() + "  [" + e.classification() + "]");
        }
      }
      out.flush();
      return ExitCode.OK;
    }
  }
}
