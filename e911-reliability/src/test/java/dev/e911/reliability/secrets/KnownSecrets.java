package dev.e911.reliability.secrets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The credentials the suites configure, which must never show in a log line or an exception message:
 * the curated list {@code secrets/known-test-secrets.txt} (values, the Basic pairs, token patterns the
 * fakes issue) plus every {@code Secret.of("...")} literal and every {@code *SECRET*}, {@code *PASSWORD*},
 * {@code *TOKEN*}, {@code *API_KEY*}, {@code *HMAC*} string constant of ten characters or more found in
 * the test sources of every module (so a new fixture is covered without editing the list). Each
 * value is also looked for XML-escaped, URL-encoded and, for user/password pairs, as the Basic header.
 */
final class KnownSecrets {

  /** A value or pattern to look for, and where it came from (never the value itself in a message). */
  record Needle(String label, String origin, String literal, Pattern pattern) {
    boolean foundIn(String line) {
      return literal != null ? line.contains(literal) : pattern.matcher(line).find();
    }
  }

  private static final Pattern SECRET_OF = Pattern.compile("Secret\\.of\\(\"((?:[^\"\\\\]|\\\\.){10,})\"\\)");
  private static final Pattern CONSTANT = Pattern.compile(
      "String\\s+[A-Z0-9_]*(?:SECRET|PASSWORD|PASSWD|TOKEN|API_?KEY|HMAC|SIGNING)[A-Z0-9_]*\\s*=\\s*\"((?:[^\"\\\\]|\\\\.){10,})\"");
  /** Not credentials though named like them: environment variable names. */
  private static final Pattern NOT_A_VALUE = Pattern.compile("[A-Z0-9_]+");

  private final List<Needle> needles = new ArrayList<>();
  private final Map<String, String> values = new LinkedHashMap<>();

  /** The curated list plus what the test sources under {@code root} configure. */
  static KnownSecrets load(Path root) {
    KnownSecrets k = new KnownSecrets();
    k.readCurated();
    k.harvest(root);
    return k;
  }

  /** Only what is added by hand (for the scanner's own tests). */
  static KnownSecrets of(Map<String, String> valuesByOrigin) {
    KnownSecrets k = new KnownSecrets();
    valuesByOrigin.forEach((value, origin) -> k.add(value, origin));
    return k;
  }

  List<Needle> needles() {
    return List.copyOf(needles);
  }

  /** Every literal value (without its derived forms). */
  Set<String> values() {
    return Set.copyOf(values.keySet());
  }

  void add(String value, String origin) {
    if (value.length() < 6 || values.containsKey(value)) {
      return;
    }
    values.put(value, origin);
    String label = value.substring(0, 3) + "... (" + value.length() + " chars)";
    needles.add(new Needle(label, origin, value, null));
    String xml = value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
        .replace("'", "&apos;");
    if (!xml.equals(value)) {
      needles.add(new Needle(label + " XML-escaped", origin, xml, null));
    }
    String url = URLEncoder.encode(value, StandardCharsets.UTF_8);
    if (!url.equals(value)) {
      needles.add(new Needle(label + " URL-encoded", origin, url, null));
    }
  }

  void addBasic(String user, String password, String origin) {
    String basic = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    needles.add(new Needle("Basic credentials of " + user.substring(0, 3) + "...", origin, basic, null));
  }

  void addPattern(String regex, String origin) {
    needles.add(new Needle("token pattern /" + regex + "/", origin, null, Pattern.compile(regex)));
  }

  private void readCurated() {
    String origin = "e911-reliability/src/test/resources/secrets/known-test-secrets.txt";
    try (var in = KnownSecrets.class.getResourceAsStream("/secrets/known-test-secrets.txt")) {
      if (in == null) {
        throw new IllegalStateException(origin + " is missing from the test class path");
      }
      for (String raw : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        String line = raw.strip();
        if (line.isEmpty() || line.startsWith("#")) {
          continue;
        }
        if (line.startsWith("basic ")) {
          String[] pair = line.substring(6).split(" ", 2);
          addBasic(pair[0], pair[1], origin);
        } else if (line.startsWith("pattern ")) {
          addPattern(line.substring(8), origin);
        } else {
          add(line, origin);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void harvest(Path root) {
    List<Path> sources = new ArrayList<>();
    try (Stream<Path> modules = Files.list(root)) {
      for (Path m : modules.filter(p -> p.getFileName().toString().startsWith("e911-")).sorted().toList()) {
        for (Path dir : List.of(m.resolve("src/test/java"), m.resolve("src/main/java/dev/e911/testkit"))) {
          if (Files.isDirectory(dir)) {
            try (Stream<Path> files = Files.walk(dir)) {
              files.filter(p -> p.toString().endsWith(".java")).forEach(sources::add);
            }
          }
        }
      }
      for (Path p : sources) {
        String text = Files.readString(p, StandardCharsets.UTF_8);
        String origin = root.relativize(p).toString();
        for (Pattern pattern : List.of(SECRET_OF, CONSTANT)) {
          Matcher m = pattern.matcher(text);
          while (m.find()) {
            String value = m.group(1).replace("\\\"", "\"").replace("\\\\", "\\");
            if (!NOT_A_VALUE.matcher(value).matches() && !value.contains("\\")) {
              add(value, origin);
            }
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
