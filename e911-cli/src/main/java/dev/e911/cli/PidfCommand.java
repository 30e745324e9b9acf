package dev.e911.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.e911.api.address.DispatchableAddress;
import dev.e911.core.json.DomainJson;
import dev.e911.core.json.JsonInputException;
import dev.e911.core.pidf.CivicLocation;
import dev.e911.core.pidf.GeoShape;
import dev.e911.core.pidf.LocationElement;
import dev.e911.core.pidf.LocationMethod;
import dev.e911.core.pidf.LocationPart;
import dev.e911.core.pidf.PidfLoReader;
import dev.e911.core.pidf.PidfLoWriter;
import dev.e911.core.pidf.PidfReadResult;
import dev.e911.core.pidf.PidfSchemaValidator;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import dev.e911.core.pidf.PidfValidationResult;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code e911 pidf}: PIDF-LO documents. */
@Command(name = "pidf", mixinStandardHelpOptions = true, description = "PIDF-LO location documents (RFC 4119, 5139, 5491).",
    subcommands = {PidfCommand.Render.class, PidfCommand.Parse.class, PidfCommand.Validate.class})
final class PidfCommand implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** {@code e911 pidf validate FILE.xml}. */
  @Command(name = "validate", mixinStandardHelpOptions = true,
      description = "Validate a PIDF-LO document against the official schemas shipped with e911 (no network access).",
      footer = {"", "Example:", "  ./e911 pidf validate examples/pidf/hq-floor2.xml", "",
          "Exit codes: 0 valid, 1 invalid or refused (DOCTYPE, too large, malformed), 2 usage."})
  static final class Validate implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The PIDF-LO document.")
    Path file;

    @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
    Format format;

    @Override
    public Integer call() {
      PidfValidationResult r = PidfSchemaValidator.standard().validate(Output.readFile(file));
      PrintWriter out = spec.commandLine().getOut();
      String verdict = r instanceof PidfValidationResult.Valid ? "VALID" : r instanceof PidfValidationResult.Invalid ? "INVALID" : "REFUSED";
      if (format == Format.json) {
        ObjectNode doc = Output.F.objectNode();
        doc.put("file", file.toString());
        doc.put("verdict", verdict);
        if (r instanceof PidfValidationResult.Refused refused) {
          doc.put("reason", refused.reason().name());
        }
        ArrayNode problems = doc.putArray("problems");
        r.problems().forEach(p -> problems.addObject().put("line", p.line()).put("column", p.column()).put("message", p.message()));
        out.println(Output.json(doc));
      } else {
        out.println(verdict + "  " + file + (r instanceof PidfValidationResult.Refused refused ? " [" + refused.reason() + "]" : ""));
        r.problems().forEach(p -> out.println("  line " + p.line() + ", column " + p.column() + ": " + p.message()));
      }
      out.flush();
      return r.isValid() ? ExitCode.OK : ExitCode.BAD_INPUT;
    }
  }

  /** {@code e911 pidf render --address FILE.json}. */
  @Command(name = "render", mixinStandardHelpOptions = true,
      description = "Render a civic address (the DispatchableAddress JSON form) as a PIDF-LO document.",
      footer = {"", "Example:", "  ./e911 pidf render --address examples/addresses/hq-floor3.json --agent grace --method Wiremap", "",
          "Exit codes: 0 rendered, 1 the address breaks a rule or the file is unreadable, 2 usage."})
  static final class Render implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--address", required = true, paramLabel = "FILE", description = "The address as JSON.")
    Path address;

    @Option(names = "--agent", defaultValue = "agent", paramLabel = "ID", description = "The entity (agent) id (default: ${DEFAULT-VALUE}).")
    String agent;

    @Option(names = "--entity-domain", defaultValue = "e911.invalid", paramLabel = "DOMAIN", description = "Entity URI domain (default: ${DEFAULT-VALUE}).")
    String domain;

    @Option(names = "--method", defaultValue = "Manual", paramLabel = "METHOD",
        description = "The location method token: Manual, Wiremap, 802.11, DHCP ... (default: ${DEFAULT-VALUE}).")
    String method;

    @Option(names = "--at", paramLabel = "INSTANT", description = "The timestamp (RFC 3339), default now.")
    Instant at;

    @Option(names = "--format", defaultValue = "text", description = "text (the XML document) or json (default: ${DEFAULT-VALUE}).")
    Format format;

    @Override
    public Integer call() {
      DispatchableAddress a;
      try {
        a = DomainJson.create().read(Output.readFile(address), DispatchableAddress.class);
      } catch (JsonInputException e) {
        throw new Output.BadInput(address + ": the address breaks " + e.violations().size() + " rule(s)", e.violations());
      }
      LocationMethod m = LocationMethod.fromToken(method)
          .orElseThrow(() -> new Output.BadInput("--method: unknown location method " + method));
      byte[] doc;
      try {
        doc = PidfLoWriter.builder(domain).build().write(agent, a, m, at == null ? java.time.Clock.systemUTC().instant() : at);
      } catch (dev.e911.api.validation.InvalidValueException e) {
        throw new Output.BadInput("the document cannot be written", e.violations());
      }
      PrintWriter out = spec.commandLine().getOut();
      if (format == Format.json) {
        ObjectNode json = Output.F.objectNode();
        json.put("entity", PidfLoWriter.builder(domain).build().entityUri(agent));
        json.put("method", m.token());
        json.put("bytes", doc.length);
        json.put("document", new String(doc, StandardCharsets.UTF_8));
        out.println(Output.json(json));
      } else {
        out.print(new String(doc, StandardCharsets.UTF_8));
      }
      out.flush();
      return ExitCode.OK;
    }
  }

  /** {@code e911 pidf parse FILE.xml}. */
  @Command(name = "parse", mixinStandardHelpOptions = true,
      description = "Read the location(s) in a PIDF-LO document (hardened: no DOCTYPE, no external entities, bounded size and depth).",
      footer = {"", "Example:", "  ./e911 pidf parse examples/pidf/hq-floor2.xml --format json", "",
          "Exit codes: 0 a location was read, 1 the document was refused or holds no usable location, 2 usage."})
  static final class Parse implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The PIDF-LO document.")
    Path file;

    @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
    Format format;

    @Override
    public Integer call() {
      PidfReadResult r = PidfLoReader.standard().read(Output.readFile(file));
      PrintWriter out = spec.commandLine().getOut();
      ObjectNode doc = Output.F.objectNode();
      doc.put("file", file.toString());
      doc.put("result", r.getClass().getSimpleName());
      int exit = ExitCode.BAD_INPUT;
      if (r instanceof PidfReadResult.Located located) {
        exit = ExitCode.OK;
        doc.put("entity", located.entity());
        located.address().ifPresent(a -> doc.set("address", Output.tree(DomainJson.create().write(a))));
        ArrayNode locations = doc.putArray("locations");
        for (LocationElement e : located.byPrecedence()) {
          ObjectNode n = locations.addObject();
          n.put("element", e.kind().name()).put("id", e.id());
          ArrayNode parts = n.putArray("parts");
          for (LocationPart p : e.parts()) {
            ObjectNode pn = parts.addObject();
            if (p instanceof CivicLocation.Accepted ca) {
              pn.put("type", "civic").set("address", Output.tree(DomainJson.create().write(ca.address())));
            } else if (p instanceof CivicLocation.Rejected cr) {
              pn.put("type", "civic-rejected");
              ArrayNode vs = pn.putArray("violations");
              cr.violations().forEach(v -> vs.add(Output.violation(v)));
            } else if (p instanceof GeoShape g) {
              pn.put("type", "geodetic").put("shape", g.getClass().getSimpleName()).put("value", g.toString());
            } else {
              pn.put("type", "unsupported").put("value", p.toString());
            }
          }
        }
      } else if (r instanceof PidfReadResult.Refused refused) {
        doc.put("reason", refused.reason().name());
        doc.put("message", refused.refusal().getMessage());
      } else {
        doc.put("detail", r.toString());
      }
      if (format == Format.json) {
        out.println(Output.json(doc));
      } else if (r instanceof PidfReadResult.Located located) {
        out.println("entity: " + located.entity());
        located.address().ifPresent(a -> out.println("address: " + a.oneLine()));
        located.shape().ifPresent(g -> out.println("shape: " + g));
        out.println("elements: " + located.byPrecedence().size() + " (first counts, RFC 5491 precedence)");
      } else {
        out.println(doc.get("result").asText().toUpperCase(java.util.Locale.ROOT) + "  " + file
            + (doc.has("reason") ? " [" + doc.get("reason").asText() + "] " + doc.get("message").asText() : ""));
      }
      out.flush();
      return exit;
    }
  }
}
