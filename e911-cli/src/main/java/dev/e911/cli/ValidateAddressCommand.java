package dev.e911.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.e911.api.address.Dispatchability;
import dev.e911.api.address.DispatchableAddress;
import dev.e911.api.validation.Violation;
import dev.e911.core.json.DomainJson;
import dev.e911.core.json.JsonInputException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code e911 validate-address FILE.json}: the typed verdict on one address. */
@Command(name = "validate-address", mixinStandardHelpOptions = true,
    description = "Check a civic address (JSON, docs/domain-model.md) against e911's rules and say whether it is dispatchable.",
    footer = {"", "Example:", "  ./e911 validate-address examples/addresses/hq-floor3.json --format json",
        "", "Exit codes: 0 the address is well-formed (dispatchability is reported), 1 it breaks a rule or the file is unreadable."})
final class ValidateAddressCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE", description = "The address as JSON.")
  Path file;

  @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
  Format format;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    byte[] bytes = Output.readFile(file);
    DispatchableAddress address;
    List<Violation> violations;
    try {
      address = DomainJson.create().read(bytes, DispatchableAddress.class);
      violations = List.of();
    } catch (JsonInputException e) {
      address = null;
      violations = e.violations();
    }
    if (format == Format.json) {
      ObjectNode doc = Output.F.objectNode();
      doc.put("file", file.toString());
      doc.put("verdict", address == null ? "INVALID" : "VALID");
      ArrayNode vs = doc.putArray("violations");
      violations.forEach(v -> vs.add(Output.violation(v)));
      if (address != null) {
        doc.set("address", Output.tree(DomainJson.create().write(address)));
        doc.put("oneLine", address.oneLine());
        Dispatchability d = address.dispatchability();
        doc.put("dispatchable", d.dispatchable());
        ArrayNode gaps = doc.putArray("gaps");
        for (Dispatchability.Gap g : d.gaps()) {
          gaps.addObject().put("code", g.name()).put("description", g.description());
        }
      }
      out.println(Output.json(doc));
    } else if (address == null) {
      out.println("INVALID  " + file);
      violations.forEach(v -> out.println("  " + v.path() + ": " + v.message() + " [" + v.rule() + "]"));
    } else {
      out.println("VALID  " + address.oneLine());
      Dispatchability d = address.dispatchability();
      out.println("dispatchable: " + (d.dispatchable() ? "yes" : "no"));
      d.gaps().forEach(g -> out.println("  - " + g.name() + ": " + g.description()));
    }
    out.flush();
    return address == null ? ExitCode.BAD_INPUT : ExitCode.OK;
  }
}
