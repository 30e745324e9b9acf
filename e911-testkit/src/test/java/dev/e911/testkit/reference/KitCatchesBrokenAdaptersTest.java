package dev.e911.testkit.reference;

import static org.assertj.core.api.Assertions.assertThat;

import dev.e911.api.address.DispatchableAddress;
import dev.e911.api.spi.AddressValidationResult;
import dev.e911.api.spi.Binding;
import dev.e911.api.spi.BindingKey;
import dev.e911.api.spi.CarrierAdapter;
import dev.e911.api.spi.CarrierCapabilities;
import dev.e911.api.spi.ProvisioningResult;
import dev.e911.api.spi.ReadBackResult;
import dev.e911.api.spi.RemoteFailure;
import dev.e911.api.spi.Secret;
import dev.e911.testkit.carrier.CarrierContractTest;
import dev.e911.testkit.carrier.CarrierFake;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.platform.engine.FilterResult;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.PostDiscoveryFilter;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * The kit is only worth something if it fails for broken adapters. Each case runs one kit test
 * (through the JUnit launcher) against the reference carrier with one deliberate flaw, and expects
 * that test to fail; the same test against the healthy reference carrier does not fail (it passes,
 * or is skipped where the healthy carrier has the capability the test is about).
 */
@DisplayName("The conformance kit catches broken adapters")
class KitCatchesBrokenAdaptersTest {

  static final String SELF_TEST = "e911.kit.self-test";
  static final String KEY = "flawed-kit-key-93b1";
  static final Duration TIMEOUT = Duration.ofMillis(200);

  static Stream<Arguments> flaws() {
    return Stream.of(
        Arguments.of(LeaksCredentials.class, "unauthorized", "puts the API key into a failure message"),
        Arguments.of(RetriesRefusedCredentials.class, "unauthorized", "retries a 401 in a loop"),
        Arguments.of(AppliesCorrections.class, "nearMissIsCorrected", "applies a correction silently"),
        Arguments.of(ThrowsForUnsupported.class, "withoutEndpointsIsUnsupported", "throws instead of Unsupported"),
        Arguments.of(ResendsBlindly.class, "retryAfterLostAnswer", "re-sends a write whose answer was lost"),
        Arguments.of(TimesOutLaterThanDeclared.class, "hang", "waits longer than ten declared timeouts"),
        Arguments.of(GivesUpOnRetryAfter.class, "rateLimited", "does not wait out Retry-After"),
        Arguments.of(SharesStateAcrossThreads.class, "concurrentProvisioning", "is not thread-safe"));
  }

  @ParameterizedTest(name = "an adapter that {2} fails \"{1}\"")
  @MethodSource("flaws")
  void catches(Class<?> flawed, String kitTest, String flaw) {
    TestExecutionSummary broken = run(flawed, kitTest);
    assertThat(broken.getTestsStartedCount()).as("kit tests started").isEqualTo(1);
    assertThat(broken.getTestsFailedCount()).as("an adapter that " + flaw + " must fail " + kitTest).isEqualTo(1);

    TestExecutionSummary healthy = run(ReferenceCarrierContractTest.class, kitTest);
    assertThat(healthy.getTestsStartedCount()).isEqualTo(1);
    assertThat(healthy.getTestsFailedCount()).as("the healthy reference carrier passes (or skips) " + kitTest).isZero();
  }

  private static TestExecutionSummary run(Class<?> kit, String method) {
    LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
        .selectors(DiscoverySelectors.selectClass(kit))
        .filters((PostDiscoveryFilter) d -> FilterResult.includedIf(d.getSource()
            .filter(s -> s instanceof org.junit.platform.engine.support.descriptor.MethodSource)
            .map(s -> ((org.junit.platform.engine.support.descriptor.MethodSource) s).getMethodName().equals(method))
            .orElse(true)))
        .configurationParameter(SELF_TEST, "true")
        .build();
    SummaryGeneratingListener listener = new SummaryGeneratingListener();
    LauncherFactory.create().execute(request, listener);
    return listener.getSummary();
  }

  /** Lets the flawed kits run only inside this test, never on their own. */
  static final class OnlyInSelfTest implements ExecutionCondition {
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
      return context.getConfigurationParameter(SELF_TEST).filter("true"::equals).isPresent()
          ? ConditionEvaluationResult.enabled("run by KitCatchesBrokenAdaptersTest")
          : ConditionEvaluationResult.disabled("a deliberately broken adapter; run by KitCatchesBrokenAdaptersTest");
    }
  }

  /** The reference carrier, to be wrapped with one flaw. */
  @ExtendWith(OnlyInSelfTest.class)
  abstract static class Flawed extends CarrierContractTest {
    ReferenceDatabase database;
    Duration databaseRetryAfter = Duration.ofMillis(150);
    Duration maxRetryAfter = Duration.ofSeconds(5);

    @Override
    protected CarrierFake startFake() {
      database = ReferenceDatabase.builder().apiKey(Secret.of(KEY)).rateLimitRetryAfter(databaseRetryAfter).build();
      return new ReferenceCarrierFake(database, KEY);
    }

    @Override
    protected CarrierAdapter createAdapter(CarrierFake fake) {
      return wrap(ReferenceCarrier.builder(database).apiKey(Secret.of(KEY))
          .clock(Clock.fixed(Instant.parse("2026-11-25T16:00:00Z"), ZoneOffset.UTC)).requestTimeout(TIMEOUT)
          .backoff(Duration.ofMillis(5)).maxRetryAfter(maxRetryAfter).build());
    }

    @Override
    protected Duration requestTimeout() {
      return TIMEOUT;
    }

    abstract CarrierAdapter wrap(ReferenceCarrier healthy);
  }

  /** Delegates everything; flaws override one method. */
  static class Delegating implements CarrierAdapter {
    final CarrierAdapter d;

    Delegating(CarrierAdapter d) {
      this.d = d;
    }

    @Override
    public String id() {
      return d.id();
    }

    @Override
    public CarrierCapabilities capabilities() {
      return d.capabilities();
    }

    @Override
    public AddressValidationResult validate(DispatchableAddress address) {
      return d.validate(address);
    }

    @Override
    public ProvisioningResult provision(Binding binding) {
      return d.provision(binding);
    }

    @Override
    public ProvisioningResult remove(BindingKey key) {
      return d.remove(key);
    }

    @Override
    public ReadBackResult readBack(BindingKey key) {
      return d.readBack(key);
    }
  }

  static class LeaksCredentials extends Flawed {
    @Override
    CarrierAdapter wrap(ReferenceCarrier healthy) {
      return new Delegating(healthy) {
        @Override
        public ProvisioningResult provision(Binding binding) {
          ProvisioningResult r = d.provision(binding);
          return r instanceof ProvisioningResult.Failed f ? new ProvisioningResult.Failed(f.key(),
              RemoteFailure.of(f.failure().kind(), "401 for key " + KEY)) : r;
        }
      };
    }
  }

  static class RetriesRefusedCredentials extends Flawed {
    @Override
    CarrierAdapter wrap(ReferenceCarrier healthy) {
      return new Delegating(healthy) {
        @Override
        public ProvisioningResult provision(Binding binding) {
          ProvisioningResult r = d.provision(binding);
          for (int i = 0; i < 4 && r instanceof ProvisioningResult.Failed; i++) {
            r = d.provision(binding);
          }
          return r;
        }
      };
    }
  }

  static class AppliesCorrections extends Flawed {
    @Override
    CarrierAdapter wrap(ReferenceCarrier healthy) {
      return new Delegating(healthy) {
        @Override
        public AddressValidationResult validate(DispatchableAddress address) {
          AddressValidationResult r = d.validate(address);
          return r instanceof AddressValidationResult.Corrected c
              ? new AddressValidationResult.Valid(c.suggestions().get(0)) : r;
        }
      };
    }
  }

  static class ThrowsForUnsupported extends Flawed {
    @Override
    CarrierAdapter wrap(ReferenceCarrier healthy) {
      return new Delegating(healthy) {
        @Override
        public CarrierCapabilities capabilities() {
          CarrierCapabilities c = d.capabilities();
          return new CarrierCapabilities(c.addressValidation(), c.suggestsCorrections(), c.numberBinding(), false,
              c.pidfLoByValue(), c.locationByReference(), c.testCall933(), c.notificationWebhook(), c.readBack(),
              c.asynchronousOrders(), c.manualProvisioning());
        }

        @Override
        public ProvisioningResult provision(Binding binding) {
          if (binding instanceof Binding.EndpointBinding) {
            throw new UnsupportedOperationException("no endpoints");
          }
          return d.provision(binding);
        }
      };
    }
  }

  /** Sends the write itself first, re-sending it once when no answer comes, then lets the healthy adapter confirm. */
  static class ResendsBlindly extends Flawed {
    @Override
    CarrierAdapter wrap(ReferenceCarrier healthy) {
      return new Delegating(healthy) {
        @Override
        public ProvisioningResult provision(Binding binding) {
          Wire.Put put = new Wire.Put(binding.key(), binding.address(), binding.callerName(), "");
          if (database.exchange(put, KEY, TIMEOUT).isTimeout()) {
            database.exchange(put, KEY, TIMEOUT);
          }
          return d.provision(binding);
        }
      };
    }
  }

  static class TimesOutLaterThanDeclared extends Flawed {
    @Override
    protected Duration requestTimeout() {
      return Duration.ofMillis(20);
    }

    @Override
    CarrierAdapter wrap(ReferenceCarrier healthy) {
      return healthy;
    }
  }

  static class GivesUpOnRetryAfter extends Flawed {
    GivesUpOnRetryAfter() {
      maxRetryAfter = Duration.ofMillis(50);
    }

    @Override
    CarrierAdapter wrap(ReferenceCarrier healthy) {
      return healthy;
    }
  }

  /** Parks each binding in a field shared by all threads before provisioning it. */
  static class SharesStateAcrossThreads extends Flawed {
    @Override
    CarrierAdapter wrap(ReferenceCarrier healthy) {
      return new Delegating(healthy) {
        private Binding current;

        @Override
        public ProvisioningResult provision(Binding binding) {
          current = binding;
          try {
            Thread.sleep(3);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          return d.provision(current);
        }
      };
    }
  }
}
