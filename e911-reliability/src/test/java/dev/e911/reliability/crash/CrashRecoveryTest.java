package dev.e911.reliability.crash;

import static org.assertj.core.api.Assertions.assertThat;

import dev.e911.api.agent.Agent;
import dev.e911.api.location.AgentLocation;
import dev.e911.api.location.LocationSource;
import dev.e911.api.location.VerificationState;
import dev.e911.api.spi.LocationChange;
import dev.e911.api.spi.LocationStore;
import dev.e911.core.config.ConfigLoader;
import dev.e911.core.config.ContactCenterConfig;
import dev.e911.core.location.LocationService;
import dev.e911.core.store.JdbcLocationStore;
import dev.e911.reliability.Scale;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a real child JVM ({@link CrashChild}, {@code destroyForcibly}) at random points of confirm →
 * validate → provision → assign on an H2 file store, restarts it, and finally drains the outbox in
 * a clean run: every confirmed location that is still current reached the carrier and the platform,
 * no change was applied twice, the store is consistent (outbox empty, agents verified, history ending
 * in the current claim), and a change applied remotely but missing from the store (a "phantom": H2
 * can lose the last commits of a killed process) is only the tail of a killed run.
 */
class CrashRecoveryTest {

  private static final Instant FAR = Instant.parse("9000-01-01T00:00:00Z");
  private static final Path CONFIG = Path.of("..", "examples", "contact-center.json").toAbsolutePath().normalize();

  @Test
  @DisplayName("killed mid-flow and restarted, the outbox converges with no loss and no duplicate")
  void outboxConvergesAfterKills(@TempDir Path dir) throws Exception {
    long seed = Long.getLong("e911.crash.seed", 20261125L);
    int kills = Scale.of(5, 60);
    System.out.println("[crash] seed=" + seed + " kills=" + kills + " (rerun with -De911.crash.seed=" + seed + ")");
    Random random = new Random(seed);
    String url = "jdbc:h2:file:" + dir.resolve("e911").toAbsolutePath() + ";WRITE_DELAY=0;LOCK_TIMEOUT=10000";
    ContactCenterConfig config = ConfigLoader.load(CONFIG);
    long started = System.nanoTime();
    int beforeReady = 0;
    List<String> children = new ArrayList<>();

    try (Ledger ledger = new Ledger()) {
      for (int i = 0; i < kills; i++) {
        boolean early = random.nextInt(4) == 0; // a quarter of the kills land in start-up or recovery
        int delayMs = early ? random.nextInt(1500) : 200 + random.nextInt(2300);
        long childSeed = random.nextLong();
        boolean sawReady = runAndKill(dir, i, url, ledger, childSeed, early, delayMs);
        beforeReady += sawReady ? 0 : 1;
        children.add("child " + i + " (Unit " + Long.toHexString(childSeed & 0xffffffL) + "-n, killed " + delayMs + " ms after "
            + (early ? "start" : "READY") + (sawReady ? "" : ", before READY") + ")");
      }
      long killedNs = System.nanoTime() - started;

      // the final clean run: an hour later (every backoff has expired), drain the outbox
      Clock later = Clock.offset(Clock.systemUTC(), Duration.ofHours(1));
      try (JdbcLocationStore store = JdbcLocationStore.builder().url(url).clock(later).createSchema(true).build()) {
        LocationService service = CrashChild.service(config, store, ledger.base(), later);
        // at least once, as every service does on its timer: a child killed after its last complete() but before
        // the REMOTE_VERIFIED save leaves nothing due, and only processOutbox verifies the agent
        int round = 0;
        do {
          service.processOutbox();
        } while (++round < 10 && !store.due(FAR, 1).isEmpty());
        check(config, store, ledger, kills, beforeReady, killedNs, children);
      }
    }
  }

  /** Starts a child, kills it after {@code delayMs} (counted from READY unless {@code early}); whether READY was seen. */
  private static boolean runAndKill(Path dir, int i, String url, Ledger ledger, long childSeed, boolean early, int delayMs)
      throws IOException, InterruptedException {
    Path err = dir.resolve("child-" + i + ".log");
    ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx192m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
        "-cp", System.getProperty("java.class.path"), CrashChild.class.getName(),
        CONFIG.toString(), url, ledger.base().toString(), Long.toString(childSeed));
    pb.redirectError(err.toFile());
    Process child = pb.start();
    CompletableFuture<Boolean> ready = CompletableFuture.supplyAsync(() -> {
      try (BufferedReader r = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = r.readLine()) != null) {
          if (line.equals("READY")) {
            return true;
          }
        }
        return false;
      } catch (IOException e) {
        return false;
      }
    });
    boolean sawReady = false;
    try {
      if (early) {
        Thread.sleep(delayMs);
        sawReady = ready.isDone() && ready.getNow(false);
      } else {
        sawReady = ready.get(120, TimeUnit.SECONDS);
        if (!sawReady) {
          child.waitFor(10, TimeUnit.SECONDS);
          throw new AssertionError("child " + i + " ended before READY; its log:\n" + Files.readString(err));
        }
        Thread.sleep(delayMs);
      }
    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
      throw new AssertionError("child " + i + " did not start: " + Files.readString(err), e);
    }
    assertThat(child.isAlive()).as("child %d was still running when killed; its log:%n%s", i,
        child.isAlive() ? "" : Files.readString(err)).isTrue();
    child.destroyForcibly();
    assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();

    return sawReady;
  }

  private static final Pattern UNIT = Pattern.compile("Unit ([0-9a-f]+)-([0-9]+)");

  /** The phantoms whose child run still has a confirmation with a higher number in the store. */
  private static List<String> notATail(List<Ledger.Applied> phantoms, Set<String> confirmed) {
    List<String> out = new ArrayList<>();
    for (Ledger.Applied a : phantoms) {
      Matcher m = UNIT.matcher(a.value());
      assertThat(m.find()).as("phantom %s carries a child's unit", a).isTrue();
      String run = m.group(1);
      int n = Integer.parseInt(m.group(2));
      confirmed.stream().map(UNIT::matcher).filter(Matcher::find)
          .filter(c -> c.group(1).equals(run) && Integer.parseInt(c.group(2)) > n)
          .findFirst().ifPresent(c -> out.add(a + " although Unit " + run + "-" + c.group(2) + " is in the store"));
    }
    return out;
  }

  /** For each child that left a phantom: what of its work the store kept and what the ledger got, in order. */
  private static String explain(ContactCenterConfig config, JdbcLocationStore store, List<Ledger.Applied> applied,
      List<String> phantom, List<String> children) {
    StringBuilder out = new StringBuilder();
    for (String child : children) {
      String tag = child.substring(child.indexOf("(Unit ") + 1, child.indexOf("-n,"));
      if (phantom.stream().noneMatch(p -> p.contains(tag + "-"))) {
        continue;
      }
      out.append("[crash] ").append(child).append(":\n");
      for (Agent agent : config.agents()) {
        store.history(agent.id(), 10_000).stream().filter(c -> c.address().contains(tag + "-"))
            .forEach(c -> out.append("[crash]   store: ").append(agent.id()).append(' ').append(c.at()).append(' ')
                .append(c.verification()).append(' ').append(c.address(), c.address().indexOf(tag), c.address().length()).append(' ')
                .append(c.evidence()).append('\n'));
      }
      applied.stream().filter(a -> a.value().contains(tag + "-"))
          .forEach(a -> out.append("[crash]   ledger: ").append(a.key()).append(" <- ")
              .append(a.value(), a.value().indexOf(tag), a.value().length()).append('\n'));
    }
    return out.toString();
  }

  private static void check(ContactCenterConfig config, JdbcLocationStore store, Ledger ledger, int kills, int beforeReady,
      long killedNs, List<String> children) {
    assertThat(store.due(FAR, 1000)).as("outbox after the clean run").isEmpty();
    List<Ledger.Applied> applied = ledger.applied();
    Map<Ledger.Applied, Integer> times = new HashMap<>();
    applied.forEach(a -> times.merge(a, 1, Integer::sum));
    List<Ledger.Applied> duplicated = times.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).toList();

    int confirmations = 0;
    int requested = 0;
    List<String> lost = new ArrayList<>();
    List<String> phantom = new ArrayList<>();
    List<Ledger.Applied> phantomApplied = new ArrayList<>();
    Set<String> allConfirmed = new HashSet<>();
    for (Agent agent : config.agents()) {
      List<LocationChange> history = store.history(agent.id(), 10_000); // newest first
      assertThat(history).as("%s's history fits one read", agent.id()).hasSizeLessThan(10_000);
      List<String> confirmed = history.stream()
          .filter(c -> c.source() == LocationSource.USER_CONFIRMED && c.verification() == VerificationState.UNVERIFIED
              && c.evidence().startsWith("CONFIRMED_AND_PROVISIONED: confirmed by"))
          .map(LocationChange::address).toList();
      List<String> keys = new ArrayList<>(List.of(Ledger.userKey(agent.id())));
      agent.did().ifPresent(did -> keys.add(Ledger.numberKey(did.e164())));
      allConfirmed.addAll(confirmed);
      confirmations += confirmed.size();
      requested += confirmed.size() * keys.size();
      for (String key : keys) {
        applied.stream().filter(a -> a.key().equals(key) && !confirmed.contains(a.value()))
            .forEach(a -> {
              phantom.add(a.toString());
              phantomApplied.add(a);
            });
      }
      if (confirmed.isEmpty()) {
        continue;
      }
      AgentLocation current = store.find(agent.id()).map(LocationStore.Versioned::value).orElseThrow();
      assertThat(current.source()).as("%s's claim", agent.id()).isEqualTo(LocationSource.USER_CONFIRMED);
      assertThat(current.verification()).as("%s verified after the drain", agent.id()).isEqualTo(VerificationState.REMOTE_VERIFIED);
      assertThat(current.address().oneLine()).as("%s's claim is the newest confirmation", agent.id()).isEqualTo(confirmed.get(0));
      LocationChange newest = history.get(0);
      assertThat(newest.address()).isEqualTo(current.address().oneLine());
      assertThat(newest.verification()).isEqualTo(VerificationState.REMOTE_VERIFIED);
      for (String key : keys) {
        if (!ledger.current(key).orElse("").equals(current.address().oneLine())) {
          lost.add(key + " holds " + ledger.current(key).orElse("nothing") + ", not " + current.address().oneLine());
        }
      }
    }
    System.out.printf("[crash] kills=%d (%d before READY) in %.1f s; confirmations committed=%d; operations requested=%d,"
            + " applied=%d, idempotent repeats=%d, lost=%d, duplicated=%d, phantom=%d; validations=%d%n",
        kills, beforeReady, killedNs / 1e9, confirmations, requested, applied.size(), ledger.repeats(), lost.size(),
        duplicated.size(), phantom.size(), ledger.validations());
    assertThat(confirmations).as("the children committed confirmations").isPositive();
    assertThat(lost).as("final claims the carrier or platform never got").isEmpty();
    assertThat(duplicated).as("changes applied more than once").isEmpty();
    if (!phantom.isEmpty()) {
      System.out.println("[crash] PHANTOM: applied remotely, but the confirmation is missing from the store after restart: " + phantom);
      System.out.println(explain(config, store, applied, phantom, children));
    }
    // A phantom is H2 losing the last commits of a killed process although each had returned from commit()
    // (H2 2.5.252 with WRITE_DELAY=0 does that: docs/store.md, docs/reliability.md "Crash recovery"). What the store
    // must still hold: a loss is only the tail of the killed run, never a commit that a later commit of that run or of
    // a later run depends on; and the store is consistent again after the restart (checked above).
    assertThat(notATail(phantomApplied, allConfirmed))
        .as("phantoms whose run has a later confirmation in the store (a lost commit that is not the tail of a killed run)")
        .isEmpty();
  }
}
