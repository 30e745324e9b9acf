package dev.e911.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.e911.api.routing.EmergencyRoute;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ChaosCommandTest {

  private final ObjectMapper mapper = new ObjectMapper();

  @Test
  @DisplayName("every emergency call of the example center is routed with the store down, the notifier hanging and the snapshot swapping")
  void guaranteeHolds() throws Exception {
    CliRunner r = CliRunner.run("chaos", "--config", LocateAndGateCommandTest.CONFIG, "--faults", "store,notifier,swap",
        "--routes", "800", "--threads", "2", "--format", "json");
    assertThat(r.exitCode()).as(r.err()).isZero();
    JsonNode doc = mapper.readTree(r.out());
    assertThat(doc.get("guaranteeHeld").asBoolean()).isTrue();
    List<String> names = new ArrayList<>();
    for (JsonNode s : doc.get("scenarios")) {
      names.add(s.get("name").asText());
      assertThat(s.get("routes").asInt()).isEqualTo(800);
      assertThat(s.get("failures").asInt()).as(s.toString()).isZero();
      assertThat(s.get("p99Micros").asDouble()).isPositive().isGreaterThanOrEqualTo(s.get("p50Micros").asDouble());
    }
    assertThat(names).containsExactly("none", "store", "notifier", "swap", "store+notifier+swap");
    JsonNode store = doc.get("scenarios").get(1);
    assertThat(store.get("injected").get(0).get("what").asText()).contains("StoreException");
    assertThat(store.get("churnErrors").asLong()).as("the store really was down for the churn").isPositive();
  }

  @Test
  @DisplayName("the text report names each scenario and says whether the guarantee held")
  void text() {
    CliRunner r = CliRunner.run("chaos", "--config", LocateAndGateCommandTest.CONFIG, "--faults", "carrier", "--routes", "300");
    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).contains("carrier: every carrier call hangs").contains("Every emergency call was routed under every fault.");
    assertThat(r.out().lines().filter(l -> l.startsWith("none ") || l.startsWith("carrier "))).hasSize(2);
  }

  @Test
  @DisplayName("a call answered as not-an-emergency, or without a callback number and no warning, counts as a failure")
  void checkCatchesBrokenRoutes() {
    assertThat(ChaosCommand.check(new EmergencyRoute.NotEmergency("911"), "911", new HashMap<>())).contains("not routed as an emergency");
    EmergencyRoute.Emergency bare = EmergencyRoute.Emergency.builder(dev.e911.api.routing.Classification.EMERGENCY, "911", "a")
        .ruleId("r").build();
    assertThat(ChaosCommand.check(bare, "911", new HashMap<>())).contains("no callback number");
    assertThat(ChaosCommand.check(bare, "933", new HashMap<>())).contains("expected EMERGENCY_TEST");
  }

  @Test
  @DisplayName("bad numbers and unknown faults are refused before anything runs")
  void badInput() {
    assertThat(CliRunner.run("chaos", "--config", LocateAndGateCommandTest.CONFIG, "--routes", "0").exitCode()).isEqualTo(1);
    CliRunner unknown = CliRunner.run("chaos", "--config", LocateAndGateCommandTest.CONFIG, "--faults", "meteor");
    assertThat(unknown.exitCode()).isEqualTo(2);
    assertThat(unknown.err()).contains("meteor");
  }
}
