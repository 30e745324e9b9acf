package dev.e911.reliability.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.e911.genesys.FakeGenesys;
import dev.e911.reliability.remote.RemoteFakes;
import dev.e911.testkit.carrier.CarrierFake;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Issue 10, secrets: every log line and exception message the test suites produced — Surefire's
 * reports of every module built before this one in the reactor, and of this module's own default test
 * run (this class runs in a second Surefire execution after it, see the POM) — is scanned for the
 * credentials and tokens the tests configure ({@link KnownSecrets}). A hit fails naming file and line.
 */
@DisplayName("Secret scan: no configured secret or token in any test log line or failure message")
class SecretScanTest {

  private static final Logger LOG = LoggerFactory.getLogger(SecretScanTest.class);
  /** The module directory (Surefire's working directory) and the reactor root above it. */
  private static final Path MODULE = Path.of("").toAbsolutePath();
  private static final Path ROOT = MODULE.getParent();

  static KnownSecrets secrets() {
    KnownSecrets k = KnownSecrets.load(ROOT);
    for (CarrierFake fake : List.of(RemoteFakes.bandwidthDashboard(), RemoteFakes.intelePeer())) {
      try (fake) {
        fake.secrets().forEach(s -> k.add(s, fake.getClass().getSimpleName() + ".secrets()"));
      }
    }
    return k;
  }

  @Test
  @DisplayName("no test report of any module holds a configured secret")
  void noSecretInAnyTestReport() throws IOException {
    KnownSecrets secrets = secrets();
    SecretScanner scanner = new SecretScanner(secrets);
    List<String> modules = new ArrayList<>();
    List<SecretScanner.Finding> findings = new ArrayList<>();
    try (Stream<Path> dirs = Files.list(ROOT)) {
      for (Path m : dirs.filter(p -> p.getFileName().toString().startsWith("e911-")).sorted().toList()) {
        List<Path> reports = SecretScanner.reports(m.resolve("target/surefire-reports"));
        if (!reports.isEmpty()) {
          modules.add(m.getFileName() + " (" + reports.size() + " files)");
          reports.forEach(r -> findings.addAll(scanner.scan(r)));
        }
      }
    }
    LOG.info("secret scan: {} needles from {} values; {} files, {} lines in {}", secrets.needles().size(),
        secrets.values().size(), scanner.filesScanned(), scanner.linesScanned(), modules);
    assertThat(SecretScanner.reports(MODULE.resolve("target/surefire-reports")))
        .as("this module's default test run wrote its reports before the scan").isNotEmpty();
    assertThat(findings).as("configured secrets found in test reports (file:line)").isEmpty();
  }

  @Test
  @DisplayName("the remote fault runs logged the adapters' 401 and retry paths at DEBUG, where a secret could leak")
  void theFaultRunsLoggedWhereSecretsCouldLeak() throws IOException {
    Path output = MODULE.resolve("target/surefire-reports/dev.e911.reliability.remote.RemoteFaultAccountingTest-output.txt");
    assumeTrue(Files.exists(output), "RemoteFaultAccountingTest ran in this build");
    String text = Files.readString(output, StandardCharsets.UTF_8);
    assertThat(Pattern.compile("DEBUG dev\\.e911\\.(genesys|carrier)\\S* - .*401").matcher(text).find())
        .as("an adapter's DEBUG line about a 401").isTrue();
    assertThat(Pattern.compile("DEBUG dev\\.e911\\.core\\.http\\.ResilientHttp - .*retrying").matcher(text).find())
        .as("ResilientHttp's DEBUG retry lines").isTrue();
  }

  @Test
  @DisplayName("a planted secret is found, by file and line, raw, XML-escaped, as Basic credentials and as a token")
  void findsAPlantedSecret(@TempDir Path dir) throws IOException {
    KnownSecrets k = KnownSecrets.of(Map.of("pl4nted-S3cret&Value", "this test"));
    k.addBasic("planted-user", "pl4nted-S3cret&Value", "this test");
    k.addPattern("\\btok-[0-9]+-abcdefgh\\b", "this test");
    Path report = dir.resolve("TEST-dev.e911.Planted.xml");
    Files.writeString(report, String.join("\n",
        "<testsuite>",
        "  <system-out>all fine</system-out>",
        "  <failure message=\"login failed for pl4nted-S3cret&amp;Value\"/>",
        "  [main] DEBUG x - sent Authorization: Basic cGxhbnRlZC11c2VyOnBsNG50ZWQtUzNjcmV0JlZhbHVl",
        "  [main] DEBUG x - renewing tok-12-abcdefgh",
        "  the raw pl4nted-S3cret&Value too",
        "  tok-12-abcdefghij is not that token",
        "</testsuite>"), StandardCharsets.UTF_8);

    List<SecretScanner.Finding> found = new SecretScanner(k).scan(report);

    assertThat(found).extracting(SecretScanner.Finding::line).containsExactly(3, 4, 5, 6);
    assertThat(found).allSatisfy(f -> {
      assertThat(f.file()).isEqualTo(report);
      assertThat(f.toString()).startsWith(report + ":").doesNotContain("pl4nted-S3cret").doesNotContain("cGxhbnRlZC");
    });
  }

  @Test
  @DisplayName("the scanned set covers every fake's credentials and the harvested test fixtures")
  void coversTheFakesCredentials() {
    KnownSecrets k = KnownSecrets.load(ROOT);
    assertThat(k.values()).contains(FakeGenesys.SECRET_TEXT,
        RemoteFakes.constant(RemoteFakes.BANDWIDTH, "PASSWORD"), RemoteFakes.constant(RemoteFakes.INTELEPEER, "PASSWORD"));
    assertThat(k.values()).as("harvested from other modules' test sources, not in the curated list")
        .contains("another-secret-0123", "reference-demo-key");
    assertThat(k.values().size()).isGreaterThan(10);
  }
}
