package dev.e911.reliability.secrets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads test reports line by line — Surefire's {@code *-output.txt} (every log line of a test class),
 * {@code TEST-*.xml} and {@code *.txt} (failure messages and stack traces), dump files — and names
 * each line where a {@link KnownSecrets} needle appears, by file and line number, never echoing the value.
 */
final class SecretScanner {

  /** One hit: the file, the 1-based line, which needle, where the secret is configured. */
  record Finding(Path file, int line, String needle, String origin) {
    @Override
    public String toString() {
      return file + ":" + line + ": " + needle + " (configured in " + origin + ")";
    }
  }

  private final List<KnownSecrets.Needle> needles;
  private int files;
  private long lines;

  SecretScanner(KnownSecrets secrets) {
    this.needles = secrets.needles();
  }

  int filesScanned() {
    return files;
  }

  long linesScanned() {
    return lines;
  }

  /** Every report file directly in {@code reportsDir} (none when it does not exist). */
  static List<Path> reports(Path reportsDir) {
    if (!Files.isDirectory(reportsDir)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(reportsDir)) {
      return s.filter(Files::isRegularFile).filter(p -> {
        String n = p.getFileName().toString();
        return n.endsWith(".txt") || n.endsWith(".xml") || n.endsWith(".dump") || n.endsWith(".dumpstream")
            || n.endsWith(".log");
      }).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  List<Finding> scan(Path file) {
    List<Finding> out = new ArrayList<>();
    String text;
    try {
      text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    files++;
    int n = 0;
    for (String line : text.split("\n", -1)) {
      n++;
      lines++;
      for (KnownSecrets.Needle needle : needles) {
        if (needle.foundIn(line)) {
          out.add(new Finding(file, n, needle.label(), needle.origin()));
        }
      }
    }
    return out;
  }
}
