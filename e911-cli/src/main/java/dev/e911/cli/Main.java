package dev.e911.cli;

import dev.e911.api.validation.Violation;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/**
 * The {@code e911} command line. {@link #main} exits with the documented code; {@link #run} is the
 * same program without the exit, for tests and embedding.
 */
public final class Main {

  private Main() {}

  /** Runs the CLI and exits with its exit code. */
  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /** Runs the CLI with the given streams; returns the exit code. */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    PrintWriter o = new PrintWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8), true);
    PrintWriter e = new PrintWriter(new java.io.OutputStreamWriter(err, StandardCharsets.UTF_8), true);
    CommandLine cli = new CommandLine(new E911Command())
        .setOut(o)
        .setErr(e)
        .setCaseInsensitiveEnumValuesAllowed(true)
        .setExecutionExceptionHandler((ex, cmd, parsed) -> {
          cmd.getOut().flush();
          if (ex instanceof Output.BadInput bad) {
            cmd.getErr().println("e911: " + bad.getMessage());
            for (Violation v : bad.violations) {
              cmd.getErr().println("  " + v);
            }
            return ExitCode.BAD_INPUT;
          }
          if (ex instanceof UncheckedIOException io) {
            cmd.getErr().println("e911: " + io.getMessage());
            return ExitCode.BAD_INPUT;
          }
          cmd.getErr().println("e911: internal error: " + ex);
          return ExitCode.INTERNAL;
        });
    int code = cli.execute(args);
    o.flush();
    e.flush();
    return code;
  }

  /** Reports the version from the jar manifest. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = Main.class.getPackage().getImplementationVersion();
      return new String[] {"e911 " + (v == null ? "development build" : v)};
    }
  }
}
