package dev.e911.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.e911.genesys.FakeGenesys;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("./e911 genesys watch through the real main against the loopback Genesys fake and its websocket")
class GenesysWatchCommandTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String CONFIG = "../examples/contact-center.json";

  private final FakeGenesys fake = new FakeGenesys().cleanOrg();
  private final Map<String, String> env = new HashMap<>(Map.of(
      GenesysCommand.CLIENT_ID_VAR, FakeGenesys.CLIENT_ID, GenesysCommand.CLIENT_SECRET_VAR, FakeGenesys.SECRET_TEXT));

  @BeforeEach
  void hooks() {
    GenesysCommand.environment = env::get;
    GenesysCommand.builderHook = b -> b.httpClient(FakeGenesys.CLIENT).requestTimeout(Duration.ofSeconds(2))
        .backoff(Duration.ofMillis(1), Duration.ofMillis(5)).retryLimits(Duration.ofSeconds(5), Duration.ofSeconds(30))
        .sleeper(d -> { }).reconnectBackoff(Duration.ofMillis(20), Duration.ofMillis(200));
  }

  @AfterEach
  void restore() {
    GenesysCommand.environment = System::getenv;
    GenesysCommand.builderHook = UnaryOperator.identity();
    fake.close();
  }

  private CliRunner watch(String... args) {
    List<String> all = new ArrayList<>(List.of("genesys", "watch", "--config", CONFIG));
    all.addAll(List.of(args));
    all.addAll(List.of("--api-base", fake.server.baseUri().toString(), "--login-base", fake.server.baseUri().toString()));
    CliRunner r = CliRunner.run(all.toArray(String[]::new));
    assertThat(r.out() + r.err()).as("the client secret is never printed").doesNotContain(FakeGenesys.SECRET_TEXT)
        .as("nor a token").doesNotContain("-abcdefgh").as("nor the socket URI").doesNotContain("ws://");
    return r;
  }

  /** In the background: once {@code ready}, the user sets {@code presence} in Genesys. */
  private CompletableFuture<Void> whenReady(BooleanSupplier ready, String user, String presence) {
    return CompletableFuture.runAsync(() -> {
      long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      while (!ready.getAsBoolean() && System.nanoTime() < deadline) {
        try {
          Thread.sleep(20);
        } catch (InterruptedException e) {
          return;
        }
      }
      fake.setPresence(user, presence);
    });
  }

  private String presenceOf(String user) {
    synchronized (fake) {
      return fake.presences.get(user).path("presenceDefinition").path("systemPresence").asText();
    }
  }

  @Test
  void setsABlockedAgentBackAndPrintsTheEnforcement() throws Exception {
    CompletableFuture<Void> jane = whenReady(() -> fake.notifications.connected().size() == 1, "u-jane", "On Queue");
    CliRunner r = watch("--agent", "maria", "--user", "maria=u-jane", "--duration", "4s");
    jane.get();
    assertThat(r.exitCode()).as(r.err()).isEqualTo(0);
    assertThat(r.out()).contains("Watching 1 agent(s) on Genesys Cloud for 4s")
        .containsPattern("SET-BACK +maria \\(u-jane\\) was ON_QUEUE \\[NO_LOCATION\\]: set to Busy")
        .contains("Done: ").contains("1 agent(s) set back, 0 failed.");
    assertThat(presenceOf("u-jane")).isEqualTo("Busy");
    assertThat(fake.presences.get("u-jane").path("message").asText()).startsWith("E911: no verified 911 location.");
    assertThat(fake.notifications.connected()).as("the socket is closed at the end").isEmpty();
  }

  @Test
  void pollsWhenTheSocketIsRefusedAndPrintsJsonLines() throws Exception {
    fake.notifications.refuseUpgrades = true;
    CompletableFuture<Void> jane = whenReady(() -> !fake.server.requests("GET", "/api/v2/users").isEmpty(), "u-jane", "Available");
    CliRunner r = watch("--agent", "maria", "--user", "maria=u-jane", "--duration", "4s", "--poll-interval", "200ms",
        "--presence", "Away", "--format", "json");
    jane.get();
    assertThat(r.exitCode()).as(r.err()).isEqualTo(0);
    List<JsonNode> lines = new ArrayList<>();
    for (String line : r.out().strip().split("\n")) {
      lines.add(MAPPER.readTree(line));
    }
    assertThat(lines).anySatisfy(n -> {
      assertThat(n.path("type").asText()).isEqualTo("enforcement");
      assertThat(n.path("agentId").asText()).isEqualTo("maria");
      assertThat(n.path("userId").asText()).isEqualTo("u-jane");
      assertThat(n.path("reason").asText()).isEqualTo("NO_LOCATION");
      assertThat(n.path("outcome").asText()).isEqualTo("APPLIED");
      assertThat(n.path("presence").asText()).isEqualTo("Away");
    });
    JsonNode last = lines.get(lines.size() - 1);
    assertThat(last.path("type").asText()).isEqualTo("summary");
    assertThat(last.path("applied").asLong()).isGreaterThanOrEqualTo(1);
    assertThat(presenceOf("u-jane")).isEqualTo("Away");
  }

  @Test
  void aRejectedTopicIsBadInputNamingThePermission() {
    fake.notifications.rejectTopics.add("v2.users.u-jane.presence");
    CliRunner r = watch("--agent", "maria", "--user", "maria=u-jane", "--duration", "2s");
    assertThat(r.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
    assertThat(r.err()).contains("PERMISSION").contains("v2.users.u-jane.presence").contains("presence:userPresence:view");
  }

  @Test
  void badOptionsAreBadInput() {
    assertThat(watch("--duration", "2d").err()).contains("--duration");
    assertThat(watch("--duration", "25h").exitCode()).isEqualTo(ExitCode.BAD_INPUT);
    CliRunner unknown = watch("--agent", "nobody", "--duration", "1s");
    assertThat(unknown.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
    assertThat(unknown.err()).contains("nobody");
    CliRunner presence = watch("--agent", "maria", "--presence", "Available", "--duration", "1s");
    assertThat(presence.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
    assertThat(presence.err()).contains("--presence");
    assertThat(fake.notifications.channels).isEmpty();
  }
}
