package dev.e911.core.callback;

import static org.assertj.core.api.Assertions.assertThat;

import dev.e911.api.address.DispatchableAddress;
import dev.e911.api.routing.ElinBinding;
import dev.e911.api.routing.EmergencyRoute;
import dev.e911.api.routing.RouteWarning;
import dev.e911.api.spi.BindingKey;
import dev.e911.api.spi.LocationStore;
import dev.e911.api.spi.OutboxEntry;
import dev.e911.core.E911;
import dev.e911.core.config.ConfigLoader;
import dev.e911.core.config.ContactCenterConfig;
import dev.e911.core.location.ConfirmOutcome;
import dev.e911.core.location.LocationService;
import dev.e911.core.route.EmergencyRouter;
import dev.e911.core.store.InMemoryLocationStore;
import dev.e911.core.store.JdbcLocationStore;
import dev.e911.core.testing.MutableClock;
import dev.e911.testkit.carrier.Fault;
import dev.e911.testkit.reference.ReferenceCarrier;
import dev.e911.testkit.reference.ReferenceDatabase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pool ELIN bindings end to end: the router lends an ELIN, the binding update goes through the
 * outbox to the in-process reference carrier (which behaves like a careful HTTP carrier), and the
 * next route says whether the binding was in place.
 */
class PoolElinBindingTest {

  static final Path EXAMPLE = Path.of("..", "examples", "contact-center.json");
  static final ContactCenterConfig CONFIG = ConfigLoader.load(EXAMPLE);
  /** Luis and Aisha (remote, no DID) share a site pool of a single ELIN, +14155550192. */
  static final ContactCenterConfig ONE_ELIN = oneElin();
  static final DispatchableAddress LUIS_HOME = DispatchableAddress.builder("US").houseNumber("4521")
      .streetName("Avenida de los Árboles").unit("Apt 3C").city("Austin").state("TX").postalCode("78745").build();
  static final DispatchableAddress AISHA_HOME = DispatchableAddress.builder("US").houseNumber("2210").preDirectional("SE")
      .streetName("Hawthorne").streetSuffix("Blvd").city("Portland").state("OR").postalCode("97214").build();
  static final Instant T0 = Instant.parse("2026-11-25T14:00:00Z");

  MutableClock clock;
  ReferenceDatabase db;
  InMemoryLocationStore store;
  LocationService locations;
  EmergencyRouter router;

  private static ContactCenterConfig oneElin() {
    try {
      String json = Files.readString(EXAMPLE, StandardCharsets.UTF_8)
          .replace("\"+1 415 555 0190\",", "").replace("\"+1 415 555 0191\",", "");
      return ConfigLoader.parse(Path.of("one-elin.json"), json.getBytes(StandardCharsets.UTF_8));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @BeforeEach
  void setUp() {
    clock = new MutableClock(T0);
    db = ReferenceDatabase.builder().clock(clock).addresses(ReferenceDatabase.demoAddresses()).build();
    store = InMemoryLocationStore.create();
  }

  private ReferenceCarrier carrier() {
    return ReferenceCarrier.builder(db).clock(clock).backoff(Duration.ofMillis(1)).build();
  }

  private void start(ContactCenterConfig config, LocationStore s) {
    locations = LocationService.builder(config).clock(clock).store(s).carrier(carrier()).build();
    router = EmergencyRouter.create(locations, config, "acme.example", e -> { });
  }

  private void confirm(String agent, DispatchableAddress home) {
    assertThat(locations.confirm(agent, home, agent)).isInstanceOf(ConfirmOutcome.Verified.class);
  }

  private EmergencyRoute.Emergency route(String agent) {
    return (EmergencyRoute.Emergency) router.route(agent, "911", null);
  }

  private static List<RouteWarning.Code> codes(EmergencyRoute.Emergency e) {
    return e.warnings().stream().map(RouteWarning::code).toList();
  }

  private static String elin(EmergencyRoute.Emergency e) {
    return e.callbackNumber().orElseThrow().e164();
  }

  private List<OutboxEntry> pending(LocationStore s) {
    return s.due(clock.instant().plus(Duration.ofDays(3650)), 1000).stream().filter(e -> e.kind().equals(ElinBindings.KIND)).toList();
  }

  private String carrierCity(String elin) {
    return db.binding(BindingKey.number(elin)).flatMap(DispatchableAddress::city).orElse("(none)");
  }

  @Test
  @DisplayName("a pool ELIN is provisioned to the caller's address through the outbox; the next route says the binding is in place")
  void roundTrip() {
    start(CONFIG, store);
    confirm("luis", LUIS_HOME);
    EmergencyRoute.Emergency first = route("luis");
    String elin = elin(first);
    assertThat(first.elinBinding()).isEqualTo(ElinBinding.UPDATE_REQUESTED);
    assertThat(codes(first)).contains(RouteWarning.Code.BINDING_NOT_PROVISIONED);
    assertThat(pending(store)).as("the call path writes nothing").isEmpty();
    assertThat(locations.elinBindings().queued()).isEqualTo(1);
    assertThat(db.binding(BindingKey.number(elin))).isEmpty();

    assertThat(locations.processOutbox()).isEqualTo(1);
    assertThat(carrierCity(elin)).isEqualToIgnoringCase("Austin");
    assertThat(db.binding(BindingKey.number(elin)).orElseThrow().postalCode()).hasValue("78745");
    assertThat(db.writeOrders()).isEqualTo(1);
    assertThat(pending(store)).isEmpty();
    assertThat(locations.elinBindings().provisioned(elin)).hasValueSatisfying(r -> assertThat(r.agentId()).isEqualTo("luis"));

    clock.advance(Duration.ofMinutes(3));
    EmergencyRoute.Emergency second = route("luis");
    assertThat(second.callbackNumber()).isEqualTo(first.callbackNumber());
    assertThat(second.elinBinding()).isEqualTo(ElinBinding.IN_PLACE);
    assertThat(codes(second)).doesNotContain(RouteWarning.Code.BINDING_NOT_PROVISIONED);
    assertThat(locations.processOutbox()).isZero();
    assertThat(db.writeOrders()).as("nothing is sent again").isEqualTo(1);
  }

  @Test
  @DisplayName("routing the same caller twice queues one update, writes one outbox entry and sends one carrier order")
  void idempotent() {
    start(CONFIG, store);
    confirm("luis", LUIS_HOME);
    EmergencyRoute.Emergency first = route("luis");
    clock.advance(Duration.ofMinutes(1));
    EmergencyRoute.Emergency second = route("luis");
    assertThat(List.of(first.elinBinding(), second.elinBinding())).containsOnly(ElinBinding.UPDATE_REQUESTED);
    assertThat(second.warnings()).anySatisfy(w -> assertThat(w.message()).contains("not confirmed by the carrier yet"));
    assertThat(locations.elinBindings().queued()).isEqualTo(1);
    assertThat(locations.elinBindings().drain(store)).isEqualTo(1);
    assertThat(locations.elinBindings().drain(store)).isZero();
    route("luis");
    assertThat(locations.elinBindings().queued()).isZero();
    List<OutboxEntry> entries = pending(store);
    assertThat(entries).hasSize(1);
    ElinBindings.Request request = ElinBindings.read(entries.get(0)).orElseThrow();
    assertThat(request.agentId()).isEqualTo("luis");
    assertThat(request.requestedAt()).isEqualTo(T0);
    assertThat(store.enqueue(ElinBindings.entry(request))).as("the id is deterministic").isFalse();
    assertThat(locations.processOutbox()).isEqualTo(1);
    assertThat(db.writeOrders()).isEqualTo(1);
  }

  @Test
  @DisplayName("on exhaustion the ELIN is reused: the binding follows the new caller, and so does the PSAP callback")
  void reuse() {
    start(ONE_ELIN, store);
    confirm("luis", LUIS_HOME);
    confirm("aisha", AISHA_HOME);
    EmergencyRoute.Emergency luis = route("luis");
    String elin = elin(luis);
    assertThat(elin).isEqualTo("+14155550192");
    locations.processOutbox();
    assertThat(carrierCity(elin)).isEqualToIgnoringCase("Austin");
    assertThat(router.callbackTarget(elin, clock.instant().plus(Duration.ofMinutes(10)))).hasValue("luis");

    clock.advance(Duration.ofMinutes(2));
    EmergencyRoute.Emergency aisha = route("aisha");
    assertThat(elin(aisha)).isEqualTo(elin);
    assertThat(codes(aisha)).contains(RouteWarning.Code.ELIN_POOL_EXHAUSTED, RouteWarning.Code.BINDING_NOT_PROVISIONED);
    assertThat(aisha.elinBinding()).isEqualTo(ElinBinding.UPDATE_REQUESTED);
    assertThat(router.callbackTarget(elin, clock.instant().plus(Duration.ofMinutes(10)))).as("luis no longer").hasValue("aisha");

    assertThat(locations.processOutbox()).isEqualTo(1);
    assertThat(carrierCity(elin)).isEqualToIgnoringCase("Portland");
    assertThat(route("aisha").elinBinding()).isEqualTo(ElinBinding.IN_PLACE);
  }

  @Test
  @DisplayName("a failed update for an earlier caller never overwrites the later caller's binding (same process)")
  void supersededInMemory() {
    start(ONE_ELIN, store);
    confirm("luis", LUIS_HOME);
    confirm("aisha", AISHA_HOME);
    String elin = elin(route("luis"));
    db.failNext(Fault.UNAUTHORIZED, 1);
    assertThat(locations.processOutbox()).isZero();
    assertThat(pending(store)).singleElement().satisfies(e -> {
      assertThat(e.attempts()).isEqualTo(1);
      assertThat(e.lastError()).contains("carrier failed");
    });
    clock.advance(Duration.ofSeconds(1));
    route("aisha");
    clock.advance(Duration.ofMinutes(5)); // both entries are due
    assertThat(locations.processOutbox()).isEqualTo(1);
    assertThat(carrierCity(elin)).isEqualToIgnoringCase("Portland");
    assertThat(db.writeOrders()).as("luis's stale update was never sent").isEqualTo(1);
    assertThat(pending(store)).isEmpty();
  }

  @Test
  @DisplayName("after a restart the outbox alone decides: the latest request for an ELIN wins")
  void supersededAfterRestart() {
    start(ONE_ELIN, store);
    confirm("luis", LUIS_HOME);
    confirm("aisha", AISHA_HOME);
    String elin = elin(route("luis"));
    db.failNext(Fault.UNAUTHORIZED, 1);
    locations.processOutbox();
    clock.advance(Duration.ofSeconds(1));
    route("aisha");
    assertThat(locations.elinBindings().drain(store)).isEqualTo(1);
    assertThat(pending(store)).hasSize(2);

    start(ONE_ELIN, store); // a new process on the same store knows nothing in memory
    clock.advance(Duration.ofMinutes(5));
    assertThat(locations.processOutbox()).isEqualTo(1);
    assertThat(carrierCity(elin)).isEqualToIgnoringCase("Portland");
    assertThat(db.writeOrders()).isEqualTo(1);
    assertThat(pending(store)).isEmpty();
  }

  @Test
  @DisplayName("with the store down the route still answers and warns; the update is kept in memory and goes through once the store is back")
  void storeDown() {
    FlakyStore flaky = new FlakyStore(store);
    start(CONFIG, flaky);
    confirm("luis", LUIS_HOME);
    flaky.down = true;
    EmergencyRoute.Emergency first = route("luis");
    assertThat(first.elinBinding()).isEqualTo(ElinBinding.UPDATE_REQUESTED);
    assertThat(first.pidfLoLength()).isPositive();
    assertThat(locations.elinBindings().drain(flaky)).isZero();
    assertThat(locations.elinBindings().queued()).isEqualTo(1);
    EmergencyRoute.Emergency second = route("luis");
    assertThat(second.callbackNumber()).isEqualTo(first.callbackNumber());
    assertThat(second.warnings()).filteredOn(w -> w.code() == RouteWarning.Code.BINDING_NOT_PROVISIONED)
        .singleElement().satisfies(w -> assertThat(w.message()).contains("the outbox is unavailable", "held in memory"));

    flaky.down = false;
    assertThat(locations.processOutbox()).isEqualTo(1);
    assertThat(carrierCity(elin(first))).isEqualToIgnoringCase("Austin");
    EmergencyRoute.Emergency third = route("luis");
    assertThat(third.elinBinding()).isEqualTo(ElinBinding.IN_PLACE);
    assertThat(third.warnings()).noneSatisfy(w -> assertThat(w.message()).contains("unavailable"));
  }

  @Test
  @DisplayName("the E911 facade provisions in the background: a route never waits for a store that hangs")
  void facadeWorker() throws Exception {
    FlakyStore hanging = new FlakyStore(store);
    try (E911 e911 = E911.builder().config(CONFIG).clock(clock).store(hanging).carrier(carrier()).build()) {
      assertThat(e911.locations().confirm("luis", LUIS_HOME, "luis")).isInstanceOf(ConfirmOutcome.Verified.class);
      CountDownLatch release = new CountDownLatch(1);
      hanging.hangEnqueue = release;
      EmergencyRoute.Emergency first = (EmergencyRoute.Emergency) e911.router().route("luis", "911", null);
      assertThat(first.elinBinding()).isEqualTo(ElinBinding.UPDATE_REQUESTED);
      assertThat(hanging.enqueueEntered.await(30, TimeUnit.SECONDS)).as("the worker is inside the store").isTrue();
      EmergencyRoute.Emergency whileHung = (EmergencyRoute.Emergency) e911.router().route("luis", "911", null);
      assertThat(whileHung.callbackNumber()).isEqualTo(first.callbackNumber());
      assertThat(whileHung.elinBinding()).isEqualTo(ElinBinding.UPDATE_REQUESTED);
      release.countDown();
      String elin = elin(first);
      await(() -> db.binding(BindingKey.number(elin)).isPresent());
      await(() -> ((EmergencyRoute.Emergency) e911.router().route("luis", "911", null)).elinBinding() == ElinBinding.IN_PLACE);
      assertThat(carrierCity(elin)).isEqualToIgnoringCase("Austin");
      assertThat(db.writeOrders()).isEqualTo(1);
    }
  }

  private static void await(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("condition not met within 30 s").isLessThan(deadline);
      Thread.sleep(20);
    }
  }

  @Test
  @DisplayName("an update written to the H2 outbox survives a crash and is provisioned once by the next process")
  void crashSafeOnH2(@TempDir Path dir) {
    String url = "jdbc:h2:file:" + dir.resolve("e911").toAbsolutePath() + ";WRITE_DELAY=0";
    JdbcLocationStore first = JdbcLocationStore.builder().url(url).user("sa").clock(clock).build();
    start(CONFIG, first);
    confirm("luis", LUIS_HOME);
    String elin = elin(route("luis"));
    assertThat(locations.elinBindings().drain(first)).isEqualTo(1);
    first.close(); // the process dies after the update reached the outbox, before the carrier was asked
    assertThat(db.binding(BindingKey.number(elin))).isEmpty();

    clock.advance(Duration.ofMinutes(1));
    JdbcLocationStore second = JdbcLocationStore.builder().url(url).user("sa").clock(clock).build();
    try {
      start(CONFIG, second);
      assertThat(locations.processOutbox()).isEqualTo(1);
      assertThat(locations.processOutbox()).isZero();
      assertThat(carrierCity(elin)).isEqualToIgnoringCase("Austin");
      assertThat(db.writeOrders()).isEqualTo(1);
      EmergencyRoute.Emergency after = route("luis");
      assertThat(elin(after)).isEqualTo(elin);
      assertThat(after.elinBinding()).as("the carrier's confirmation is known to the new process").isEqualTo(ElinBinding.IN_PLACE);
    } finally {
      second.close();
    }
  }

  @Test
  @DisplayName("without a carrier nothing is requested and the route says so; a DID callback is NOT_POOLED")
  void noCarrierAndNotPooled() {
    locations = LocationService.builder(CONFIG).clock(clock).store(store).build();
    router = EmergencyRouter.create(locations, CONFIG, "acme.example", e -> { });
    EmergencyRoute.Emergency luis = route("luis");
    assertThat(luis.elinBinding()).isEqualTo(ElinBinding.NOT_REQUESTED);
    assertThat(luis.warnings()).anySatisfy(w -> {
      assertThat(w.code()).isEqualTo(RouteWarning.Code.BINDING_NOT_PROVISIONED);
      assertThat(w.message()).contains("no carrier is configured");
    });
    assertThat(locations.elinBindings().queued()).isZero();
    assertThat(route("maria").elinBinding()).isEqualTo(ElinBinding.NOT_POOLED);
  }
}
