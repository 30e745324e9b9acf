package dev.e911.cli;

/** The CLI's documented exit codes (docs/cli.md). */
final class ExitCode {
  /** Success. */
  static final int OK = 0;
  /** Bad input: an unreadable file, invalid JSON, a value that breaks a rule. */
  static final int BAD_INPUT = 1;
  /** Usage error: unknown option, missing argument (picocli). */
  static final int USAGE = 2;
  /** The availability gate blocks the agent. */
  static final int BLOCKED = 3;
  /** The audit found at least one finding of severity error. */
  static final int AUDIT_ERRORS = 4;
  /** A bug in e911: an unexpected exception (reported on stderr). */
  static final int INTERNAL = 70;

  private ExitCode() {}
}
