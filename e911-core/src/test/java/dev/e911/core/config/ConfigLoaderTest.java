package dev.e911.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import dev.e911.api.site.Site;
import dev.e911.api.validation.Violation;
import dev.e911.core.json.DomainJson;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

  static final Path EXAMPLE = Path.of("..", "examples", "contact-center.json");

  @Test
  @DisplayName("the bundled example loads whole")
  void exampleLoads() {
    ContactCenterConfig c = ConfigLoader.load(EXAMPLE);
    assertThat(c.sites()).extracting(Site::id).containsExactly("sf-hq", "nyc", "remote", "remote-west");
    assertThat(c.agents()).hasSize(20);
    assertThat(c.outsideLinePrefix()).isEqualTo("9");
    assertThat(c.site("remote").orElseThrow().elinPool()).hasSize(3);
    assertThat(c.agent("maria").orElseThrow().did().orElseThrow().e164()).isEqualTo("+15125550117");
    assertThat(c.policies().maxVerificationAge()).isEqualTo(Duration.ofHours(12));
    assertThat(c.networkMap().get(1).bssids().get(0).toString()).isEqualTo("00:1a:2b:3c:02:*");
  }

  @Test
  @DisplayName("a configuration survives a write/read round trip unchanged")
  void roundTrip() {
    ContactCenterConfig c = ConfigLoader.load(EXAMPLE);
    String written = DomainJson.create().write(c);
    assertThat(ConfigLoader.parse(Path.of("written.json"), written.getBytes(StandardCharsets.UTF_8))).isEqualTo(c);
  }

  @Test
  @DisplayName("element problems are all reported, with the file, JSON path and rule")
  void elementProblems(@TempDir Path dir) throws Exception {
    String text = Files.readString(EXAMPLE, StandardCharsets.UTF_8)
        .replace("\"10.10.2.0/24\"", "\"10.10.2.7/24\"")
        .replace("\"+1 512 555 0117\"", "\"+1 800 555 0117\"")
        .replace("\"kind\": \"REMOTE\"", "\"kind\": \"HOME\"")
        .replace("\"callbackWindow\": \"PT60M\"", "\"callbackWindow\": \"PT1M\"")
        .replace("\"name\": \"SF HQ, lobby\"", "\"name\": \"SF HQ, lobby\", \"color\": \"blue\"");
    Path f = Files.writeString(dir.resolve("bad.json"), text);
    assertThatThrownBy(() -> ConfigLoader.load(f)).isInstanceOfSatisfying(ConfigException.class, e -> {
      assertThat(e.file()).isEqualTo(f.toString());
      assertThat(e.getMessage()).startsWith(f.toString());
      assertThat(e.violations()).extracting(Violation::path, Violation::rule).contains(
          tuple("$.networkMap[1].subnets[0]", "prefix.host-bits"),
          tuple("$.agents[0].did.number", "callback.toll-free"),
          tuple("$.sites[2].kind", "json.enum"),
          tuple("$.policies.callbackWindow", "range"),
          tuple("$.locations[0].color", "json.unknown-field"));
    });
  }

  @Test
  @DisplayName("dangling references, duplicate ids and a number used twice are refused")
  void crossReferences(@TempDir Path dir) throws Exception {
    String text = Files.readString(EXAMPLE, StandardCharsets.UTF_8)
        .replace("\"siteId\": \"nyc\"", "\"siteId\": \"boston\"")
        .replace("\"id\": \"nyc-12\"", "\"id\": \"sf-hq-3\"")
        .replace("\"+1 415 555 0101\"", "\"+1 415 555 0143\"");
    Path f = Files.writeString(dir.resolve("refs.json"), text);
    assertThatThrownBy(() -> ConfigLoader.load(f)).isInstanceOfSatisfying(ConfigException.class, e ->
        assertThat(e.violations()).extracting(Violation::path, Violation::rule).contains(
            tuple("$.locations[3]", "duplicate-id"),
            tuple("$.agents[14].siteId", "ref.site"),
            tuple("$.sites[1].defaultLocationId", "ref.location"),
            tuple("$.agents[8].did", "number.reused")));
  }

  @Test
  @DisplayName("a file with a huge number of problems is refused with the first thousand and a count, quickly")
  void manyProblemsAreBounded() throws Exception {
    // found by the reliability suite's configuration fuzz: 200k bad subnets gave a 21 MB message in 17 s
    String bad = String.join(",", java.util.Collections.nCopies(200_000, "\"not-a-subnet\""));
    String text = Files.readString(EXAMPLE, StandardCharsets.UTF_8).replace("\"10.10.1.0/24\"", bad);
    assertThatThrownBy(() -> ConfigLoader.parse(Path.of("many.json"), text.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOfSatisfying(ConfigException.class, e -> {
          assertThat(e.violations()).hasSizeLessThanOrEqualTo(1_001);
          assertThat(e.violations().get(0)).isEqualTo(
              new Violation("$.networkMap[0].subnets[0]", "prefix.syntax", e.violations().get(0).message()));
          Violation last = e.violations().get(e.violations().size() - 1);
          assertThat(last.rule()).isEqualTo("json.too-many-problems");
          assertThat(last.path()).isEqualTo("$");
          assertThat(e.getMessage().length()).isLessThan(1 << 20);
        });
  }

  @Test
  @DisplayName("a rule the dial plan cannot compile is refused at load, not when the router starts")
  void uncompilableRule() throws Exception {
    // found by the reliability suite's configuration fuzz: this file loaded, then E911.build() threw DialPlanException
    String text = Files.readString(EXAMPLE, StandardCharsets.UTF_8).replace("\"pattern\": \"^911$\"", "\"pattern\": \"remote\"");
    assertThatThrownBy(() -> ConfigLoader.parse(Path.of("rule.json"), text.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.violations())
            .extracting(Violation::path, Violation::rule).containsExactly(tuple("$.rules[0].pattern", "dialplan.compile")));
  }

  @Test
  @DisplayName("a missing file, an empty file and a secret written inline are refused")
  void fileLevel(@TempDir Path dir) throws Exception {
    assertThatThrownBy(() -> ConfigLoader.load(dir.resolve("none.json"))).isInstanceOfSatisfying(ConfigException.class,
        e -> assertThat(e.violations()).extracting(Violation::rule).containsExactly("file.missing"));
    Path empty = Files.writeString(dir.resolve("empty.json"), "");
    assertThatThrownBy(() -> ConfigLoader.load(empty)).isInstanceOfSatisfying(ConfigException.class,
        e -> assertThat(e.violations()).extracting(Violation::rule).containsExactly("json.syntax"));
    String inline = Files.readString(EXAMPLE, StandardCharsets.UTF_8)
        .replace("\"secretsFromEnv\": {}\n    }\n  ],\n  \"sites\"", "\"secretsFromEnv\": {\"password\": \"hunter2!\"}\n    }\n  ],\n  \"sites\"");
    Path f = Files.writeString(dir.resolve("inline.json"), inline);
    assertThatThrownBy(() -> ConfigLoader.load(f)).isInstanceOfSatisfying(ConfigException.class, e -> {
      assertThat(e.violations()).extracting(Violation::path, Violation::rule)
          .containsExactly(tuple("$.carriers[0].secretsFromEnv.password", "env.name"));
      assertThat(e.getMessage()).doesNotContain("hunter2");
    });
  }

  @Test
  @DisplayName("secrets are resolved from the environment and a missing variable is named, never a value")
  void secretsFromEnvironment() {
    ComponentSettings s = new ComponentSettings("bw", "bandwidth", Map.of("accountId", "9900"), Map.of("password", "BW_PASSWORD"));
    assertThat(s.toCarrierConfig(Map.of("BW_PASSWORD", "s3cret")::get).requireSecret("password").reveal()).isEqualTo("s3cret");
    assertThatThrownBy(() -> s.toCarrierConfig(Map.<String, String>of()::get))
        .hasMessageContaining("BW_PASSWORD is not set");
  }
}
