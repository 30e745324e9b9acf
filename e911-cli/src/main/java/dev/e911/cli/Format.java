package dev.e911.cli;

/** Output format of every subcommand. */
enum Format {
  /** Human-readable text. */
  text,
  /** One JSON document on stdout, documented in docs/cli.md. */
  json
}
