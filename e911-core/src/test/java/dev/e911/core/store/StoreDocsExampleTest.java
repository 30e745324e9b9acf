package dev.e911.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.e911.api.location.AgentLocation;
import dev.e911.api.location.LocationSource;
import dev.e911.api.location.VerificationState;
import dev.e911.api.spi.LocationChange;
import dev.e911.api.spi.LocationStore;
import dev.e911.api.spi.LocationStore.SaveResult;
import dev.e911.api.spi.OutboxEntry;
import dev.e911.api.spi.Secret;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The example in docs/store.md, compiled and run, and checked to be the document's text. */
class StoreDocsExampleTest {

  @TempDir
  Path dir;

  @Test
  void storeDocExampleRunsAsWritten() throws Exception {
    Clock clock = TestDatabases.CLOCK;
    Secret password = Secret.of("from-your-vault");
    AgentLocation confirmed = StoreSamples.atHome("maria", StoreSamples.T0);
    String agentId = confirmed.agentId();
    List<String> performed = new ArrayList<>();

    // --- store.md snippet start
    LocationStore store = JdbcLocationStore.builder()
        .url("jdbc:h2:file:" + dir.resolve("e911") + ";WRITE_DELAY=0") // or jdbc:postgresql://db:5432/e911
        .user("e911").password(password)
        .clock(clock)
        .build();                                  // connects, and creates its tables, on first use

    long expected = store.find(agentId).map(LocationStore.Versioned::version).orElse(0L);
    LocationChange change = new LocationChange(agentId, clock.instant(), "agent:" + agentId,
        LocationSource.USER_CONFIRMED, VerificationState.UNVERIFIED, "", confirmed.address().oneLine(), "");
    OutboxEntry provision = new OutboxEntry("provision:" + agentId + ":v" + (expected + 1), "carrier.provision",
        agentId, "{}", 0, clock.instant(), "");
    SaveResult result = store.save(confirmed, expected, change, List.of(provision)); // one transaction
    if (result instanceof SaveResult.Conflict conflict) {
      // another node wrote first: re-read and decide again
    }

    for (OutboxEntry op : store.due(clock.instant(), 50)) {  // on every node, or one worker
      try {
        performed.add(op.id());                    // the carrier call, idempotent by op.id()
        store.complete(op.id());
      } catch (RuntimeException e) {
        store.reschedule(op.id(), clock.instant().plus(Duration.ofMinutes(1)), e.getMessage());
      }
    }
    store.close();
    // --- store.md snippet end

    assertThat(result).isEqualTo(new SaveResult.Saved(1, 1));
    assertThat(performed).containsExactly("provision:maria:v1");

    String source = Files.readString(Path.of("src/test/java/dev/e911/core/store/StoreDocsExampleTest.java"),
        StandardCharsets.UTF_8);
    String snippet = source.substring(source.indexOf("// --- store.md snippet start") + 29,
        source.indexOf("    // --- store.md snippet end"));
    String doc = Files.readString(Path.of("../docs/store.md"), StandardCharsets.UTF_8);
    String code = snippet.substring(0, snippet.stripTrailing().length()).stripIndent().strip();
    assertThat(doc).contains(code);
  }
}
