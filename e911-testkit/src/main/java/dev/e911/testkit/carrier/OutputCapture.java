package dev.e911.testkit.carrier;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Captures what a test logs, for the credential scan: every {@code java.util.logging} record (the
 * root logger is opened to {@code ALL} for the duration) and everything written to
 * {@code System.out} and {@code System.err}, where slf4j-simple and most console loggers write.
 * Output still reaches the original streams. Not for parallel tests: the streams are global.
 */
final class OutputCapture {

  private final ConcurrentLinkedQueue<String> julRecords = new ConcurrentLinkedQueue<>();
  private final ByteArrayOutputStream console = new ByteArrayOutputStream();
  private final SimpleFormatter formatter = new SimpleFormatter();
  private final Handler handler = new Handler() {
    @Override
    public void publish(LogRecord record) {
      julRecords.add(formatter.format(record));
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  };

  private PrintStream originalOut;
  private PrintStream originalErr;
  private Level originalRootLevel;

  void start() {
    Logger root = Logger.getLogger("");
    originalRootLevel = root.getLevel();
    handler.setLevel(Level.ALL);
    root.addHandler(handler);
    root.setLevel(Level.ALL);
    originalOut = System.out;
    originalErr = System.err;
    System.setOut(tee(originalOut));
    System.setErr(tee(originalErr));
  }

  /** Stops capturing and returns what was captured: JUL records first, then console output. */
  List<String> stop() {
    System.out.flush();
    System.err.flush();
    System.setOut(originalOut);
    System.setErr(originalErr);
    Logger root = Logger.getLogger("");
    root.removeHandler(handler);
    root.setLevel(originalRootLevel);
    String consoleText;
    synchronized (console) {
      consoleText = console.toString(StandardCharsets.UTF_8);
    }
    julRecords.add(consoleText);
    return List.copyOf(julRecords);
  }

  private PrintStream tee(PrintStream original) {
    OutputStream both = new OutputStream() {
      @Override
      public void write(int b) {
        original.write(b);
        synchronized (console) {
          console.write(b);
        }
      }

      @Override
      public void write(byte[] b, int off, int len) {
        original.write(b, off, len);
        synchronized (console) {
          console.write(b, off, len);
        }
      }

      @Override
      public void flush() {
        original.flush();
      }
    };
    return new PrintStream(both, true, StandardCharsets.UTF_8);
  }
}
