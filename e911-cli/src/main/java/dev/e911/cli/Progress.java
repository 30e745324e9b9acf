package dev.e911.cli;

import java.io.PrintWriter;

/**
 * Progress for long work ("drill: 12/300 locations") on stderr, redrawn in place: only when stderr is
 * a terminal and the output is text, so pipes, files and JSON stay clean.
 */
final class Progress {

  /** Tests switch this on to see the lines without a terminal. */
  static volatile boolean forceForTests;

  private final PrintWriter err;
  private final String label;
  private final int total;
  private final boolean enabled;
  private int done;

  private Progress(PrintWriter err, String label, int total, boolean enabled) {
    this.err = err;
    this.label = label;
    this.total = total;
    this.enabled = enabled;
  }

  static Progress start(PrintWriter err, String label, int total, Format format) {
    boolean terminal = System.console() != null || forceForTests;
    return new Progress(err, label, total, terminal && format == Format.text && total > 1);
  }

  void step(String item) {
    done++;
    if (enabled) {
      err.print("\r" + label + ": " + done + "/" + total + " " + (item.length() > 40 ? item.substring(0, 40) : item) + "    ");
      err.flush();
    }
  }

  void finish() {
    if (enabled) {
      err.print("\r" + label + ": " + done + "/" + total + " done" + " ".repeat(44) + "\n");
      err.flush();
    }
  }
}
