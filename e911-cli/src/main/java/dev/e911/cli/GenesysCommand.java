package dev.e911.cli;

import dev.e911.genesys.GenesysPlatform;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code e911 genesys}: groups the Genesys Cloud subcommands (audit, sync, fix, watch). */
@Command(name = "genesys", mixinStandardHelpOptions = true,
    description = "Audit a Genesys Cloud org for 911 traps, push e911's locations to it, apply the fixes, and run the live hard stop.",
    subcommands = {GenesysAuditCommand.class, GenesysSyncCommand.class, GenesysFixCommand.class, GenesysWatchCommand.class},
    footer = {"", "The OAuth client (client-credentials grant) comes from the environment:",
        "  " + GenesysCommand.CLIENT_ID_VAR + " and " + GenesysCommand.CLIENT_SECRET_VAR, "",
        "Exit codes: 0 ok, 1 bad input or a Genesys failure, 2 usage, 4 audit errors.", "Docs: docs/cli.md, docs/genesys.md"})
final class GenesysCommand implements Runnable {

  /** The environment variable holding the OAuth client id. */
  static final String CLIENT_ID_VAR = "GENESYS_CLIENT_ID";
  /** The environment variable holding the OAuth client secret. */
  static final String CLIENT_SECRET_VAR = "GENESYS_CLIENT_SECRET";

  /** Where the genesys commands read environment variables; tests replace it (and restore {@code System::getenv}). */
  static Function<String, String> environment = System::getenv;

  /**
   * Applied to every {@link GenesysPlatform.Builder} after the command's own options, before {@code build()}; tests use it
   * for an HTTP/1.1 client and a sleeper that does not sleep. The identity in production.
   */
  static UnaryOperator<GenesysPlatform.Builder> builderHook = UnaryOperator.identity();

  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
