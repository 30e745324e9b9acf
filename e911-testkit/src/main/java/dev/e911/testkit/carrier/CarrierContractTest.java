package dev.e911.testkit.carrier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.e911.api.address.DispatchableAddress;
import dev.e911.api.phone.Elin;
import dev.e911.api.spi.AddressValidationResult;
import dev.e911.api.spi.Binding;
import dev.e911.api.spi.BindingKey;
import dev.e911.api.spi.CarrierAdapter;
import dev.e911.api.spi.CarrierCapabilities;
import dev.e911.api.spi.CarrierConfig;
import dev.e911.api.spi.CarrierProvider;
import dev.e911.api.spi.ProvisioningResult;
import dev.e911.api.spi.ReadBackResult;
import dev.e911.api.spi.RemoteFailure;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The conformance kit every {@link CarrierAdapter} runs (Micrometer's compatibility-kit idea):
 * extend it in your test sources, return your {@link CarrierFake} from {@link #startFake()} and
 * your adapter, configured against that fake with short timeouts and tiny backoffs, from
 * {@link #createAdapter(CarrierFake)}. Each test gets a fresh fake and adapter. The {@code @Nested}
 * groups check every promise of the SPI — validation outcomes, provisioning, idempotency, update,
 * removal, read-back, typed remote failures, credential hygiene, thread safety and
 * {@link ServiceLoader} discovery — reading {@link CarrierCapabilities} to skip what the carrier
 * lacks, while checking that what it lacks answers {@code Unsupported} instead of throwing.
 * {@code Pending} answers are settled through {@link CarrierFake#settlePendingWork()}, so manual and
 * asynchronous carriers pass too. After every test, whatever the adapter returned, threw or logged
 * is scanned for the fake's {@linkplain CarrierFake#secrets() credentials}. The protected hooks
 * ({@link #requestTimeout()}, the test addresses and numbers, {@link #providerName()} ...) have
 * defaults that suit most carriers; override them when yours needs other data.
 */
public abstract class CarrierContractTest {

  /** Persistent faults are injected this many times: more than any sane retry policy attempts. */
  private static final int PERSISTENT = 1_000;

  private CarrierFake fake;
  private RecordingAdapter adapter;
  private CarrierCapabilities capabilities;
  private OutputCapture output;

  /** Starts the fake carrier for one test. */
  protected abstract CarrierFake startFake();

  /**
   * Creates the adapter under test, configured against {@code fake}, with its credentials (see
   * {@link CarrierFake#secrets()}), a per-request timeout of {@link #requestTimeout()}, at least
   * three attempts for retryable failures, tiny backoffs and a {@code Retry-After} cap of at least
   * {@link CarrierFake#rateLimitRetryAfter()}.
   */
  protected abstract CarrierAdapter createAdapter(CarrierFake fake);

  /**
   * The per-request timeout {@link #createAdapter} configures. A request that hangs must end in
   * {@code Failed(TRANSIENT)} within ten times this, retries included. Default: one second.
   */
  protected Duration requestTimeout() {
    return Duration.ofSeconds(1);
  }

  /** How long the kit keeps settling a {@code Pending} answer before it fails. Default: ten seconds. */
  protected Duration settleTimeout() {
    return Duration.ofSeconds(10);
  }

  /**
   * Whether the carrier stores bindings under their natural key (the number or the endpoint id), so
   * that an adapter can look before it re-sends. When true (the default), a retry after an answer
   * lost in transit must not send a second write order.
   */
  protected boolean carrierHasNaturalKeys() {
    return true;
  }

  /**
   * Why this carrier's address validation writes, or empty (the default): {@link CarrierAdapter#validate}
   * is read-only, and the kit checks that validating sends no write order. Return a reason only when
   * the carrier's documented API has no read-only check at all (Bandwidth's Emergency Services API
   * validates an address only by creating an address record); the kit then checks instead that the
   * validation binds nothing (the fake holds nothing for the test keys) and that validating the same
   * address again writes nothing more (a retry is safe), and it names the reason in the assertion.
   * Document the reason with your adapter: it is a declared gap, not a default.
   */
  protected Optional<String> validationWritesBecause() {
    return Optional.empty();
  }

  /**
   * The name the adapter's {@link CarrierProvider} is registered under in
   * {@code META-INF/services/dev.e911.api.spi.CarrierProvider}; empty (the default) skips the
   * discovery checks.
   */
  protected Optional<String> providerName() {
    return Optional.empty();
  }

  /**
   * A configuration from which the provider builds a working adapter, for the discovery check that
   * builds one; empty (the default) skips it.
   */
  protected Optional<CarrierConfig> providerConfig(CarrierFake fake) {
    return Optional.empty();
  }

  /** The {@code i}-th test callback number (0 to 99). Default: {@code +1 415 555 0100} onwards. */
  protected Elin number(int i) {
    return Elin.parse(String.format(Locale.ROOT, "+1415555%04d", 100 + i), "US", Elin.Kind.LOCATION_ELIN);
  }

  /**
   * The {@code i}-th test dynamic endpoint id (0 to 99). Default: {@code kit-endpoint-0000} onwards.
   * Override it when your carrier keys dynamic endpoints by an id of a particular form, e.g. a carrier
   * whose 911 records are keyed by telephone number takes NANP numbers here (pick ones that differ
   * from {@link #number(int)}); an adapter that claims dynamic endpoints must bind these ids.
   */
  protected String endpointId(int i) {
    return String.format(Locale.ROOT, "kit-endpoint-%04d", i);
  }

  /** The caller name the kit binds. */
  protected String callerName() {
    return "KIT AGENT";
  }

  /** An address the fake's 911 database holds exactly as given. */
  protected DispatchableAddress knownAddress() {
    return DispatchableAddress.builder("US").houseNumber("1200").preDirectional("N").streetName("Point")
        .streetSuffix("St").city("San Francisco").state("CA").postalCode("94133").build();
  }

  /** A second known address, the target of updates. */
  protected DispatchableAddress otherKnownAddress() {
    return DispatchableAddress.builder("US").houseNumber("500").streetName("Howard").streetSuffix("St")
        .city("San Francisco").state("CA").postalCode("94105").build();
  }

  /** An address no 911 database holds. */
  protected DispatchableAddress unknownAddress() {
    return DispatchableAddress.builder("US").houseNumber("9999").streetName("Nowhere").streetSuffix("Ln")
        .city("Springfield").state("IL").postalCode("62701").build();
  }

  /** An address with a mistake the carrier corrects into {@link #correctedAddress()}. */
  protected DispatchableAddress misspelledAddress() {
    return DispatchableAddress.builder("US").houseNumber("1200").preDirectional("N").streetName("Piont")
        .streetSuffix("Street").city("San Francisco").state("CA").postalCode("94111").build();
  }

  /** The carrier's correction of {@link #misspelledAddress()}. */
  protected DispatchableAddress correctedAddress() {
    return DispatchableAddress.builder("US").houseNumber("1200").preDirectional("N").streetName("POINT")
        .streetSuffix("ST").city("SAN FRANCISCO").state("CA").postalCode("94133-1234").build();
  }

  /** The fake of the current test. */
  protected final CarrierFake fake() {
    return fake;
  }

  /** The adapter of the current test (wrapped so that the kit records what it returns). */
  protected final CarrierAdapter adapter() {
    return adapter;
  }

  /** What the adapter of the current test says it supports. */
  protected final CarrierCapabilities capabilities() {
    return capabilities;
  }

  @BeforeEach
  final void startCarrier() {
    output = new OutputCapture();
    output.start();
    fake = startFake();
    assertThat(fake).as("startFake()").isNotNull();
    adapter = new RecordingAdapter(createAdapter(fake));
    capabilities = adapter.capabilities();
    fake.knowAddress(knownAddress());
    fake.knowAddress(otherKnownAddress());
  }

  @AfterEach
  final void stopCarrierAndCheckNoCredentialLeaked() {
    List<String> logged = output.stop();
    if (fake == null || adapter == null) {
      if (fake != null) {
        fake.close();
      }
      return;
    }
    try {
      List<String> secrets = fake.secrets().stream().filter(s -> !s.isBlank()).collect(Collectors.toList());
      List<String> texts = new ArrayList<>(adapter.recordedTexts());
      texts.add(adapter.toString());
      texts.addAll(logged);
      for (String secret : secrets) {
        for (String text : texts) {
          if (text.contains(secret)) {
            fail("a credential of the adapter appears in a result, exception or log line: "
                + text.replace(secret, "<<SECRET>>"));
          }
        }
      }
    } finally {
      try {
        adapter.delegate().close();
      } finally {
        fake.close();
      }
    }
  }

  // ---------------------------------------------------------------------------------------------
  // helpers

  /** A number binding of the {@code i}-th test number to {@code address}. */
  protected final Binding.NumberBinding numberBinding(int i, DispatchableAddress address) {
    return new Binding.NumberBinding(number(i), address, callerName());
  }

  /** An endpoint binding of the {@code i}-th endpoint (with the {@code i}-th number) to {@code address}. */
  protected final Binding.EndpointBinding endpointBinding(int i, DispatchableAddress address) {
    return new Binding.EndpointBinding(endpointId(i), number(i), address, callerName());
  }

  /** A binding of a kind the carrier supports (a number binding if it can), or the test is skipped. */
  protected final Binding supportedBinding(int i, DispatchableAddress address) {
    if (capabilities.numberBinding()) {
      return numberBinding(i, address);
    }
    assumeTrue(capabilities.dynamicEndpoints(), "the carrier supports neither number nor endpoint bindings");
    return endpointBinding(i, address);
  }

  /**
   * Provisions {@code binding} and checks the answer: {@code Done} for this key, after which the fake
   * holds the same civic address, or {@code Pending}, after which it does once the pending work is
   * settled.
   */
  protected final ProvisioningResult provisionAndSettle(Binding binding) {
    ProvisioningResult result = adapter.provision(binding);
    assertThat(result).as("provision(%s)", binding.key()).isInstanceOfAny(ProvisioningResult.Done.class,
        ProvisioningResult.Pending.class);
    if (result instanceof ProvisioningResult.Done done) {
      assertThat(done.key()).isEqualTo(binding.key());
      assertThat(done.removed()).as("Done.removed for a provisioning").isFalse();
      assertThat(fake.provisioned(binding.key())).as("the carrier holds %s after Done", binding.key())
          .hasValueSatisfying(held -> assertSameCivicAddress(held, binding.address()));
    } else {
      assertThat(((ProvisioningResult.Pending) result).key()).isEqualTo(binding.key());
      settleUntil("the carrier holds " + binding.key() + " at " + binding.address().oneLine(),
          () -> fake.provisioned(binding.key()).map(a -> a.sameCivicAddress(binding.address())).orElse(false));
    }
    return result;
  }

  /** Removes {@code key} and checks that the carrier ends up holding nothing for it. */
  protected final ProvisioningResult removeAndSettle(BindingKey key) {
    ProvisioningResult result = adapter.remove(key);
    assertThat(result).as("remove(%s)", key).isInstanceOfAny(ProvisioningResult.Done.class,
        ProvisioningResult.Pending.class);
    if (result instanceof ProvisioningResult.Done done) {
      assertThat(done.key()).isEqualTo(key);
      assertThat(done.removed()).as("Done.removed for a removal").isTrue();
      assertThat(fake.provisioned(key)).as("the carrier holds nothing for %s after Done", key).isEmpty();
    } else {
      settleUntil("the carrier holds nothing for " + key, () -> fake.provisioned(key).isEmpty());
    }
    return result;
  }

  /** Calls {@link CarrierFake#settlePendingWork()} until {@code condition} holds, within {@link #settleTimeout()}. */
  protected final void settleUntil(String description, BooleanSupplier condition) {
    long deadline = System.nanoTime() + settleTimeout().toNanos();
    while (true) {
      fake.settlePendingWork();
      if (condition.getAsBoolean()) {
        return;
      }
      if (System.nanoTime() > deadline) {
        fail("after settling pending work for " + settleTimeout() + ", still not true: " + description);
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        fail("interrupted while settling: " + description);
      }
    }
  }

  private static void assertSameCivicAddress(DispatchableAddress actual, DispatchableAddress expected) {
    assertThat(actual.sameCivicAddress(expected))
        .as("same civic address (ignoring case)%n expected: %s%n   actual: %s", expected.oneLine(), actual.oneLine())
        .isTrue();
  }

  /**
   * After a validation of {@code address}: no write order at all, or, where the carrier declared why its
   * validation writes ({@link #validationWritesBecause()}), no binding for any test key and no further
   * write when the same address is validated again.
   */
  private void assertValidationWroteNothing(DispatchableAddress address) {
    Optional<String> because = validationWritesBecause();
    if (because.isEmpty()) {
      assertThat(fake.writeOrders()).as("validation is read-only").isZero();
      return;
    }
    for (BindingKey key : List.of(numberBinding(0, address).key(), endpointBinding(0, address).key())) {
      assertThat(fake.bindingCount(key)).as("validation binds nothing (it writes because %s), yet %s is bound",
          because.get(), key).isZero();
    }
    int writes = fake.writeOrders();
    adapter.validate(address);
    assertThat(fake.writeOrders()).as("validating the same address again writes nothing more (validation writes "
        + "because %s, so a retry must find what the first call wrote)", because.get()).isEqualTo(writes);
  }

  private void assumeFault(Fault fault) {
    assumeTrue(fake.supportedFaults().contains(fault), "the fake cannot inject " + fault);
  }

  private static RemoteFailure failureOf(Object result) {
    if (result instanceof ProvisioningResult.Failed f) {
      return f.failure();
    }
    if (result instanceof AddressValidationResult.Failed f) {
      return f.failure();
    }
    if (result instanceof ReadBackResult.Failed f) {
      return f.failure();
    }
    throw new AssertionError("expected a Failed result, got " + result);
  }

  private Duration hangBound() {
    return requestTimeout().multipliedBy(10);
  }

  // ---------------------------------------------------------------------------------------------

  @Nested
  @DisplayName("Capabilities")
  class Capabilities {

    @Test
    @DisplayName("the id is a lower-case name and the capabilities are the same on every call")
    void idAndCapabilitiesAreStable() {
      String id = adapter.id();
      assertThat(id).isNotBlank().isEqualTo(id.toLowerCase(Locale.ROOT));
      assertThat(adapter.capabilities()).isEqualTo(capabilities);
    }

    @Test
    @DisplayName("a carrier that suggests corrections validates addresses")
    void correctionsImplyValidation() {
      if (capabilities.suggestsCorrections()) {
        assertThat(capabilities.addressValidation()).isTrue();
      }
    }
  }

  @Nested
  @DisplayName("Address validation")
  class AddressValidation {

    @Test
    @DisplayName("a known address is valid, in the carrier's standardised form, marked validated")
    void knownAddressIsValid() {
      assumeTrue(capabilities.addressValidation(), "the carrier has no address validation");
      AddressValidationResult result = adapter.validate(knownAddress());
      assertThat(result).isInstanceOf(AddressValidationResult.Valid.class);
      DispatchableAddress standardized = ((AddressValidationResult.Valid) result).standardized();
      assertSameCivicAddress(standardized, knownAddress());
      assertThat(standardized.validation()).as("the standardised form is marked validated").isPresent();
      assertValidationWroteNothing(knownAddress());
    }

    @Test
    @DisplayName("a near miss comes back corrected with the carrier's suggestion, never silently applied")
    void nearMissIsCorrected() {
      assumeTrue(capabilities.suggestsCorrections(), "the carrier suggests no corrections");
      fake.correct(misspelledAddress(), correctedAddress());
      AddressValidationResult result = adapter.validate(misspelledAddress());
      assertThat(result).isInstanceOf(AddressValidationResult.Corrected.class);
      List<DispatchableAddress> suggestions = ((AddressValidationResult.Corrected) result).suggestions();
      assertSameCivicAddress(suggestions.get(0), correctedAddress());
      assertValidationWroteNothing(misspelledAddress());
      assertThat(fake.provisioned(numberBinding(0, misspelledAddress()).key())).isEmpty();
    }

    @Test
    @DisplayName("an unknown address is rejected with reasons")
    void unknownAddressIsRejected() {
      assumeTrue(capabilities.addressValidation(), "the carrier has no address validation");
      AddressValidationResult result = adapter.validate(unknownAddress());
      assertThat(result).isInstanceOf(AddressValidationResult.Rejected.class);
      assertThat(((AddressValidationResult.Rejected) result).reasons()).isNotEmpty();
    }

    @Test
    @DisplayName("a carrier without validation answers Unsupported instead of throwing")
    void withoutValidationIsUnsupported() {
      assumeFalse(capabilities.addressValidation(), "the carrier validates addresses");
      AddressValidationResult result = adapter.validate(knownAddress());
      assertThat(result).isInstanceOf(AddressValidationResult.Unsupported.class);
      assertThat(((AddressValidationResult.Unsupported) result).reason()).isNotBlank();
    }
  }

  @Nested
  @DisplayName("Provisioning")
  class Provisioning {

    @Test
    @DisplayName("a number binding is done and the carrier holds the same civic address")
    void numberBindingIsDone() {
      assumeTrue(capabilities.numberBinding(), "the carrier binds no numbers");
      Binding binding = numberBinding(0, knownAddress());
      provisionAndSettle(binding);
      assertThat(fake.bindingCount(binding.key())).isEqualTo(1);
    }

    @Test
    @DisplayName("an endpoint binding is done and the carrier holds the same civic address")
    void endpointBindingIsDone() {
      assumeTrue(capabilities.dynamicEndpoints(), "the carrier has no dynamic endpoints");
      Binding binding = endpointBinding(0, knownAddress());
      provisionAndSettle(binding);
      assertThat(fake.bindingCount(binding.key())).isEqualTo(1);
    }

    @Test
    @DisplayName("a carrier without number binding answers Unsupported instead of throwing")
    void withoutNumberBindingIsUnsupported() {
      assumeFalse(capabilities.numberBinding(), "the carrier binds numbers");
      Binding binding = numberBinding(0, knownAddress());
      assertThat(adapter.provision(binding)).isInstanceOf(ProvisioningResult.Unsupported.class);
      assertThat(fake.writeOrders()).isZero();
    }

    @Test
    @DisplayName("a carrier without dynamic endpoints answers Unsupported for an endpoint binding")
    void withoutEndpointsIsUnsupported() {
      assumeFalse(capabilities.dynamicEndpoints(), "the carrier has dynamic endpoints");
      Binding binding = endpointBinding(0, knownAddress());
      assertThat(adapter.provision(binding)).isInstanceOf(ProvisioningResult.Unsupported.class);
      assertThat(fake.writeOrders()).isZero();
      assertThat(fake.provisioned(binding.key())).isEmpty();
    }

    @Test
    @DisplayName("updating a binding to a new address leaves one binding, holding the new address")
    void update() {
      Binding first = supportedBinding(0, knownAddress());
      provisionAndSettle(first);
      Binding moved = supportedBinding(0, otherKnownAddress());
      provisionAndSettle(moved);
      assertThat(fake.bindingCount(moved.key())).isEqualTo(1);
      assertThat(fake.provisioned(moved.key())).hasValueSatisfying(a -> assertSameCivicAddress(a, otherKnownAddress()));
    }
  }

  @Nested
  @DisplayName("Idempotency")
  class Idempotency {

    @Test
    @DisplayName("provisioning the same binding twice leaves exactly one binding")
    void provisionTwice() {
      Binding binding = supportedBinding(0, knownAddress());
      provisionAndSettle(binding);
      provisionAndSettle(binding);
      assertThat(fake.bindingCount(binding.key())).isEqualTo(1);
    }

    @Test
    @DisplayName("a retry after an answer lost in transit leaves one binding and sends no second write order")
    void retryAfterLostAnswer() {
      assumeFault(Fault.APPLY_THEN_HANG);
      // what one clean provisioning costs in write orders, measured on another key
      provisionAndSettle(supportedBinding(1, otherKnownAddress()));
      int writesPerProvisioning = fake.writeOrders();

      Binding binding = supportedBinding(0, knownAddress());
      fake.failNext(Fault.APPLY_THEN_HANG, 1);
      ProvisioningResult first = assertTimeoutPreemptively(hangBound(), () -> adapter.provision(binding),
          "an answer lost in transit must end within ten request timeouts");
      if (first instanceof ProvisioningResult.Failed failed) {
        assertThat(failed.failure().retryable()).as("a lost answer is a retryable failure: %s", failed).isTrue();
      } else {
        assertThat(first).isInstanceOfAny(ProvisioningResult.Done.class, ProvisioningResult.Pending.class);
      }
      provisionAndSettle(binding);
      assertThat(fake.bindingCount(binding.key())).isEqualTo(1);
      if (carrierHasNaturalKeys()) {
        assertThat(fake.writeOrders() - writesPerProvisioning)
            .as("write orders for a provisioning whose first answer was lost, then retried")
            .isEqualTo(writesPerProvisioning);
      }
    }
  }

  @Nested
  @DisplayName("Removal")
  class Removal {

    @Test
    @DisplayName("removing a binding leaves nothing at the carrier")
    void remove() {
      Binding binding = supportedBinding(0, knownAddress());
      provisionAndSettle(binding);
      removeAndSettle(binding.key());
      assertThat(fake.bindingCount(binding.key())).isZero();
      if (capabilities.readBack()) {
        settleUntil("read-back finds nothing for " + binding.key(),
            () -> adapter.readBack(binding.key()) instanceof ReadBackResult.NotFound);
      }
    }

    @Test
    @DisplayName("removing a binding that does not exist is done")
    void removeAbsent() {
      BindingKey key = supportedBinding(7, knownAddress()).key();
      ProvisioningResult result = adapter.remove(key);
      assertThat(result).isInstanceOf(ProvisioningResult.Done.class);
      assertThat(((ProvisioningResult.Done) result).key()).isEqualTo(key);
      assertThat(((ProvisioningResult.Done) result).removed()).isTrue();
      assertThat(fake.bindingCount(key)).isZero();
    }
  }

  @Nested
  @DisplayName("Read-back")
  class ReadBack {

    @Test
    @DisplayName("reading back a provisioned binding finds the same civic address")
    void found() {
      assumeTrue(capabilities.readBack(), "the carrier has no read-back");
      Binding binding = supportedBinding(0, knownAddress());
      provisionAndSettle(binding);
      settleUntil("read-back finds " + binding.key(), () -> adapter.readBack(binding.key()) instanceof ReadBackResult.Found);
      ReadBackResult result = adapter.readBack(binding.key());
      assertThat(result).isInstanceOf(ReadBackResult.Found.class);
      assertThat(((ReadBackResult.Found) result).binding().key()).isEqualTo(binding.key());
      assertSameCivicAddress(((ReadBackResult.Found) result).binding().address(), knownAddress());
    }

    @Test
    @DisplayName("reading back a key the carrier does not hold finds nothing")
    void notFound() {
      assumeTrue(capabilities.readBack(), "the carrier has no read-back");
      BindingKey key = supportedBinding(9, knownAddress()).key();
      ReadBackResult result = adapter.readBack(key);
      assertThat(result).isInstanceOf(ReadBackResult.NotFound.class);
      assertThat(((ReadBackResult.NotFound) result).key()).isEqualTo(key);
    }

    /**
     * Without read-back an adapter cannot know what the carrier holds, so a held binding reads back
     * {@code Unsupported}: never {@code Found} (an address it cannot know) and never {@code NotFound}
     * (false, and it would tell an audit a number has no 911 record). For a key the carrier does not
     * hold, {@code NotFound} is accepted as well as {@code Unsupported}: a carrier may list which
     * numbers have a 911 record without showing their addresses (the coarse read-back
     * {@link ReadBackResult.Unsupported} speaks of), and an adapter passing both steps tells them apart.
     */
    @Test
    @DisplayName("a carrier without read-back answers Unsupported instead of throwing, and never claims what it cannot know")
    void withoutReadBackIsUnsupported() {
      assumeFalse(capabilities.readBack(), "the carrier has read-back");
      Binding binding = supportedBinding(0, knownAddress());
      ReadBackResult absent = adapter.readBack(binding.key());
      assertThat(absent).as("read-back of %s, which the carrier does not hold", binding.key())
          .isInstanceOfAny(ReadBackResult.Unsupported.class, ReadBackResult.NotFound.class);
      if (absent instanceof ReadBackResult.Unsupported u) {
        assertThat(u.reason()).isNotBlank();
      } else {
        assertThat(((ReadBackResult.NotFound) absent).key()).isEqualTo(binding.key());
      }

      provisionAndSettle(binding);
      ReadBackResult held = adapter.readBack(binding.key());
      assertThat(held).as("read-back of %s, which the carrier holds, without read-back", binding.key())
          .isInstanceOf(ReadBackResult.Unsupported.class);
      assertThat(((ReadBackResult.Unsupported) held).key()).isEqualTo(binding.key());
      assertThat(((ReadBackResult.Unsupported) held).reason()).isNotBlank();
    }
  }

  @Nested
  @DisplayName("Remote failures are typed values")
  class RemoteFailures {

    @Test
    @DisplayName("a rate-limited request succeeds after honouring Retry-After")
    void rateLimited() {
      assumeFault(Fault.RATE_LIMITED);
      Binding binding = supportedBinding(0, knownAddress());
      fake.failNext(Fault.RATE_LIMITED, 1);
      long start = System.nanoTime();
      ProvisioningResult result = adapter.provision(binding);
      Duration took = Duration.ofNanos(System.nanoTime() - start);
      assertThat(result).as("after one 429").isInstanceOfAny(ProvisioningResult.Done.class, ProvisioningResult.Pending.class);
      Duration retryAfter = fake.rateLimitRetryAfter();
      assertThat(took).as("time taken; the carrier asked for Retry-After %s", retryAfter)
          .isGreaterThanOrEqualTo(retryAfter.multipliedBy(9).dividedBy(10));
      if (result instanceof ProvisioningResult.Pending) {
        settleUntil("the carrier holds " + binding.key(), () -> fake.provisioned(binding.key()).isPresent());
      }
      assertThat(fake.bindingCount(binding.key())).isEqualTo(1);
    }

    @Test
    @DisplayName("a burst of server errors is retried to success")
    void serverErrorBurst() {
      assumeFault(Fault.SERVER_ERROR);
      Binding binding = supportedBinding(0, knownAddress());
      fake.failNext(Fault.SERVER_ERROR, 2);
      ProvisioningResult result = adapter.provision(binding);
      assertThat(result).as("after two 503s").isInstanceOfAny(ProvisioningResult.Done.class, ProvisioningResult.Pending.class);
      if (result instanceof ProvisioningResult.Pending) {
        settleUntil("the carrier holds " + binding.key(), () -> fake.provisioned(binding.key()).isPresent());
      }
      assertThat(fake.bindingCount(binding.key())).isEqualTo(1);
    }

    @Test
    @DisplayName("a malformed answer fails as MALFORMED_RESPONSE")
    void malformed() {
      assumeFault(Fault.MALFORMED);
      Binding binding = supportedBinding(0, knownAddress());
      fake.failNext(Fault.MALFORMED, PERSISTENT);
      ProvisioningResult result = adapter.provision(binding);
      assertThat(result).isInstanceOf(ProvisioningResult.Failed.class);
      assertThat(failureOf(result).kind()).isEqualTo(RemoteFailure.Kind.MALFORMED_RESPONSE);
      assertThat(((ProvisioningResult.Failed) result).key()).isEqualTo(binding.key());
    }

    @Test
    @DisplayName("refused credentials fail as AUTHENTICATION, with no retry loop")
    void unauthorized() {
      assumeFault(Fault.UNAUTHORIZED);
      Binding binding = supportedBinding(0, knownAddress());
      int before = fake.receivedRequests().size();
      fake.failNext(Fault.UNAUTHORIZED, PERSISTENT);
      ProvisioningResult result = adapter.provision(binding);
      assertThat(result).isInstanceOf(ProvisioningResult.Failed.class);
      assertThat(failureOf(result).kind()).isEqualTo(RemoteFailure.Kind.AUTHENTICATION);
      assertThat(fake.receivedRequests().size() - before)
          .as("requests sent with refused credentials (some carriers lock the account after a few)")
          .isBetween(1, 2);
    }

    @Test
    @DisplayName("every operation reports refused credentials as AUTHENTICATION")
    void unauthorizedOnEveryOperation() {
      assumeFault(Fault.UNAUTHORIZED);
      Binding binding = supportedBinding(0, knownAddress());
      fake.failNext(Fault.UNAUTHORIZED, PERSISTENT);
      assertThat(failureOf(adapter.remove(binding.key())).kind()).as("remove").isEqualTo(RemoteFailure.Kind.AUTHENTICATION);
      if (capabilities.readBack()) {
        assertThat(failureOf(adapter.readBack(binding.key())).kind()).as("readBack")
            .isEqualTo(RemoteFailure.Kind.AUTHENTICATION);
      }
      if (capabilities.addressValidation()) {
        assertThat(failureOf(adapter.validate(knownAddress())).kind()).as("validate")
            .isEqualTo(RemoteFailure.Kind.AUTHENTICATION);
      }
    }

    @Test
    @DisplayName("a request that hangs fails as TRANSIENT within a bounded time")
    void hang() {
      assumeFault(Fault.HANG);
      Binding binding = supportedBinding(0, knownAddress());
      fake.failNext(Fault.HANG, PERSISTENT);
      ProvisioningResult result = assertTimeoutPreemptively(hangBound(), () -> adapter.provision(binding),
          "a hanging carrier must not hold the caller longer than ten request timeouts");
      assertThat(result).isInstanceOf(ProvisioningResult.Failed.class);
      assertThat(failureOf(result).kind()).isEqualTo(RemoteFailure.Kind.TRANSIENT);
    }

    @Test
    @DisplayName("a validation that hangs fails as TRANSIENT within a bounded time")
    void hangOnValidation() {
      assumeFault(Fault.HANG);
      assumeTrue(capabilities.addressValidation(), "the carrier has no address validation");
      fake.failNext(Fault.HANG, PERSISTENT);
      AddressValidationResult result = assertTimeoutPreemptively(hangBound(), () -> adapter.validate(knownAddress()),
          "a hanging carrier must not hold the caller longer than ten request timeouts");
      assertThat(failureOf(result).kind()).isEqualTo(RemoteFailure.Kind.TRANSIENT);
    }
  }

  @Nested
  @DisplayName("Credentials never leak")
  class Credentials {

    @Test
    @DisplayName("no result, exception or log line shows a credential, whatever the carrier answers")
    void noCredentialInAnyOutcome() {
      assumeFalse(fake.secrets().isEmpty(), "the adapter is configured with no credentials");
      Binding binding = supportedBinding(0, knownAddress());
      List<Object> outcomes = new ArrayList<>();
      outcomes.add(adapter.provision(binding));
      outcomes.add(adapter.readBack(binding.key()));
      outcomes.add(adapter.validate(unknownAddress()));
      for (Fault fault : List.of(Fault.UNAUTHORIZED, Fault.MALFORMED, Fault.SERVER_ERROR)) {
        if (fake.supportedFaults().contains(fault)) {
          fake.failNext(fault, 1);
          outcomes.add(adapter.provision(binding));
        }
      }
      outcomes.add(adapter.remove(binding.key()));
      for (Object outcome : outcomes) {
        for (String secret : fake.secrets()) {
          assertThat(outcome.toString()).doesNotContain(secret);
        }
      }
      // results, exceptions and log output of this test are scanned again after it
    }

    @Test
    @DisplayName("the adapter's own toString shows no credential")
    void adapterToString() {
      for (String secret : fake.secrets()) {
        assertThat(adapter.delegate().toString()).doesNotContain(secret);
      }
    }
  }

  @Nested
  @DisplayName("Thread safety")
  class ThreadSafety {

    @Test
    @DisplayName("concurrent provisioning of distinct numbers loses and duplicates nothing")
    void concurrentProvisioning() throws Exception {
      int threads = 8;
      int perThread = 4;
      List<Binding> bindings = new ArrayList<>();
      for (int i = 0; i < threads * perThread; i++) {
        bindings.add(supportedBinding(10 + i, i % 2 == 0 ? knownAddress() : otherKnownAddress()));
      }
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      CountDownLatch go = new CountDownLatch(1);
      try {
        List<Future<List<ProvisioningResult>>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
          List<Binding> mine = bindings.subList(t * perThread, (t + 1) * perThread);
          futures.add(pool.submit(() -> {
            go.await();
            List<ProvisioningResult> results = new ArrayList<>();
            for (Binding b : mine) {
              results.add(adapter.provision(b));
            }
            return results;
          }));
        }
        go.countDown();
        List<ProvisioningResult> results = new ArrayList<>();
        for (Future<List<ProvisioningResult>> f : futures) {
          results.addAll(f.get(settleTimeout().toMillis() * 3, TimeUnit.MILLISECONDS));
        }
        for (int i = 0; i < bindings.size(); i++) {
          ProvisioningResult r = results.get(i);
          BindingKey expected = bindings.get(i).key();
          assertThat(r).as("result %d", i).isInstanceOfAny(ProvisioningResult.Done.class, ProvisioningResult.Pending.class);
          BindingKey actual = r instanceof ProvisioningResult.Done d ? d.key() : ((ProvisioningResult.Pending) r).key();
          assertThat(actual).as("the answer to provisioning %s", expected).isEqualTo(expected);
        }
      } finally {
        pool.shutdownNow();
      }
      settleUntil("the carrier holds all " + bindings.size() + " bindings",
          () -> bindings.stream().allMatch(b -> fake.provisioned(b.key()).isPresent()));
      for (Binding b : bindings) {
        assertThat(fake.bindingCount(b.key())).as("bindings for %s", b.key()).isEqualTo(1);
        assertThat(fake.provisioned(b.key())).hasValueSatisfying(a -> assertSameCivicAddress(a, b.address()));
      }
    }
  }

  @Nested
  @DisplayName("Discovery")
  class Discovery {

    @Test
    @DisplayName("ServiceLoader finds exactly one provider by the adapter's name")
    void serviceLoaderFindsProvider() {
      String name = providerName().orElse("");
      assumeFalse(name.isEmpty(), "no provider name declared (override providerName())");
      List<CarrierProvider> providers = ServiceLoader.load(CarrierProvider.class).stream()
          .map(ServiceLoader.Provider::get).filter(p -> p.name().equals(name)).collect(Collectors.toList());
      assertThat(providers).as("providers named %s", name).hasSize(1);
      assertThat(name).isEqualTo(name.toLowerCase(Locale.ROOT));
      assertThat(adapter.id()).isEqualTo(name);
    }

    @Test
    @DisplayName("the provider builds an adapter whose id is its name")
    void providerBuildsAdapter() {
      String name = providerName().orElse("");
      assumeFalse(name.isEmpty(), "no provider name declared (override providerName())");
      Optional<CarrierConfig> config = providerConfig(fake);
      assumeTrue(config.isPresent(), "no provider configuration declared (override providerConfig())");
      CarrierProvider provider = ServiceLoader.load(CarrierProvider.class).stream().map(ServiceLoader.Provider::get)
          .filter(p -> p.name().equals(name)).findFirst().orElseThrow();
      try (CarrierAdapter built = provider.create(config.get())) {
        assertThat(built.id()).isEqualTo(name);
        assertThat(built.capabilities()).isNotNull();
      }
    }
  }
}
