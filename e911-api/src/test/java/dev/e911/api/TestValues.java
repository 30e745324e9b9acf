package dev.e911.api;

import dev.e911.api.address.AddressValidation;
import dev.e911.api.address.DispatchableAddress;
import dev.e911.api.phone.E164Number;
import dev.e911.api.phone.Elin;
import dev.e911.api.validation.InvalidValueException;
import dev.e911.api.validation.Violation;
import java.time.Instant;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** Valid example values shared by the tests; fixed instants only, never the wall clock. */
public final class TestValues {

  public static final Instant T0 = Instant.parse("2025-03-01T12:00:00Z");
  public static final AddressValidation VALIDATED = new AddressValidation("bandwidth", T0);

  private TestValues() {}

  /** 1200 N Point St, Suite 310, Floor 3, San Francisco CA 94133-1234, not validated. */
  public static DispatchableAddress.Builder sanFranciscoBuilder() {
    return DispatchableAddress.builder("US")
        .houseNumber("1200").preDirectional("N").streetName("Point").streetSuffix("St")
        .unit("Suite 310").floor("3").city("San Francisco").state("CA").postalCode("94133-1234");
  }

  public static DispatchableAddress sanFrancisco() {
    return sanFranciscoBuilder().build();
  }

  /** The same address, validated, so it is dispatchable. */
  public static DispatchableAddress dispatchable() {
    return sanFranciscoBuilder().validation(VALIDATED).build();
  }

  public static E164Number number() {
    return new E164Number("+14155550100");
  }

  public static Elin did() {
    return new Elin(new E164Number("+14155550100"), Elin.Kind.AGENT_DID);
  }

  public static Elin locationElin(String e164) {
    return new Elin(new E164Number(e164), Elin.Kind.LOCATION_ELIN);
  }

  public static Elin poolElin(String e164) {
    return new Elin(new E164Number(e164), Elin.Kind.POOL_ELIN);
  }

  /** Asserts {@code call} throws an {@link InvalidValueException} and returns its violations. */
  public static List<Violation> violationsOf(ThrowingCallable call) {
    InvalidValueException[] caught = new InvalidValueException[1];
    assertThatExceptionOfType(InvalidValueException.class).isThrownBy(call)
        .satisfies(e -> caught[0] = e);
    return caught[0].violations();
  }
}
