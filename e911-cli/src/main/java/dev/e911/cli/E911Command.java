package dev.e911.cli;

import picocli.CommandLine.Command;

/** The root {@code e911} command; it only groups the subcommands. */
@Command(name = "e911", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
    description = "Keep every contact-center agent's 911 call routable and dispatchable.",
    subcommands = {ValidateAddressCommand.class, PidfCommand.class, DialCommand.class, LocateCommand.class,
        GateCommand.class, RouteCommand.class, AuditCommand.class, DrillCommand.class, ChaosCommand.class, GenesysCommand.class,
        DemoCommand.class, picocli.CommandLine.HelpCommand.class},
    footer = {"", "Exit codes: 0 ok, 1 bad input, 2 usage, 3 blocked, 4 audit errors, 70 internal error.",
        "Docs: docs/cli.md"})
final class E911Command implements Runnable {

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
