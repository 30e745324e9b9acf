package dev.e911.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.e911.core.pidf.PidfSchemaValidator;
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
    subcommands = {PidfCommand.Validate.class})
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
}
