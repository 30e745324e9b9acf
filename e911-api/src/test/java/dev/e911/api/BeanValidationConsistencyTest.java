package dev.e911.api;

import static dev.e911.api.TestValues.dispatchable;
import static dev.e911.api.TestValues.locationElin;
import static dev.e911.api.TestValues.poolElin;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import dev.e911.api.address.CivicElement;
import dev.e911.api.address.DispatchableAddress;
import dev.e911.api.address.GeoPoint;
import dev.e911.api.location.Location;
import dev.e911.api.network.LldpNeighbor;
import dev.e911.api.phone.E164Number;
import dev.e911.api.phone.Elin;
import dev.e911.api.routing.CallbackPolicy;
import dev.e911.api.routing.Classification;
import dev.e911.api.routing.EmergencyRoutingRule;
import dev.e911.api.site.Site;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Bean Validation annotations on the model say the same as its constructors: every value our
 * factories accept has zero constraint violations (so frameworks that validate with Hibernate
 * Validator never refuse what e911 built), and the annotations are really active.
 */
class BeanValidationConsistencyTest {

  private static ValidatorFactory factory;
  private static Validator validator;

  @BeforeAll
  static void validator() {
    factory = Validation.byProvider(HibernateValidator.class).configure()
        .messageInterpolator(new ParameterMessageInterpolator()) // no expression language on the class path
        .buildValidatorFactory();
    validator = factory.getValidator();
  }

  @AfterAll
  static void close() {
    factory.close();
  }

  static Stream<Object> validInstances() {
    DispatchableAddress everything = TestValues.sanFranciscoBuilder().point(new GeoPoint(37.8, -122.4, 25))
        .validation(TestValues.VALIDATED).requiresInBuildingDetail(true).build();
    DispatchableAddress lowerCaseCountry = DispatchableAddress.builder(" de ").city("Berlin").streetName("Unter den Linden").build();
    return Stream.of(
        TestValues.sanFrancisco(), everything, lowerCaseCountry,
        GeoPoint.of(90, 180), new GeoPoint(-90, -180, GeoPoint.MAX_UNCERTAINTY_METERS), new GeoPoint(-0.0, -0.0, 0),
        new E164Number("+14155550100"), E164Number.parse("tel:+44-20-7946-0018"), E164Number.parse("1-800-555-0100", "US"),
        TestValues.did(),
        new Location("sf-3", " SF  floor 3 ", dispatchable(), List.of(locationElin("+14155550101"))),
        Location.of("home-1", "Home", everything),
        new LldpNeighbor("0011.2233.4455", "Gi1/0/24"), new LldpNeighbor(" " + "s".repeat(128) + " ", "p".repeat(128)),
        new EmergencyRoutingRule("911", "^911$", Classification.EMERGENCY, 0, CallbackPolicy.AGENT_DID, true),
        new EmergencyRoutingRule("local", "^[2-9]\\d{6}$", Classification.NOT_EMERGENCY, 10, CallbackPolicy.MASKED_CALLER_ID, false),
        new Site("remote-us", "Remote US", Site.Kind.REMOTE, "hq-1", Site.MediaPolicy.remoteDefaults(),
            List.of(poolElin("+14155550102"))),
        new Site("hq", "HQ", Site.Kind.FIXED, "hq-1", new Site.MediaPolicy(false, false), null));
  }

  @ParameterizedTest
  @MethodSource("validInstances")
  @DisplayName("every valid instance of an annotated type has zero constraint violations")
  void validInstancesPass(Object value) {
    assertThat(validator.validate(value)).isEmpty();
  }

  @Test
  @DisplayName("every annotated type is seen as constrained by the validator")
  void typesAreConstrained() {
    for (Class<?> type : List.of(DispatchableAddress.class, GeoPoint.class, E164Number.class, Elin.class, Location.class,
        LldpNeighbor.class, EmergencyRoutingRule.class, Site.class)) {
      assertThat(validator.getConstraintsForClass(type).isBeanConstrained()).as(type.getSimpleName()).isTrue();
    }
  }

  @Test
  @DisplayName("the annotations are active: values our constructors would refuse are flagged")
  void annotationsActive() {
    assertThat(validator.validateValue(GeoPoint.class, "latitude", 90.5)).hasSize(1);
    assertThat(validator.validateValue(E164Number.class, "value", "+1 415 555 0100")).hasSize(1);
    assertThat(validator.validateValue(LldpNeighbor.class, "chassisId", " ")).hasSize(1);
    assertThat(validator.validateValue(EmergencyRoutingRule.class, "priority", -1)).hasSize(1);
  }

  @Test
  @DisplayName("the E.164 pattern accepts the canonical form of every region's valid example numbers")
  void e164PatternCoversEveryRegion() {
    PhoneNumberUtil util = PhoneNumberUtil.getInstance();
    List<String> refused = new ArrayList<>();
    int checked = 0;
    for (String region : new TreeSet<>(util.getSupportedRegions())) {
      for (PhoneNumberType type : PhoneNumberType.values()) {
        PhoneNumber n = util.getExampleNumberForType(region, type);
        if (n != null && util.isValidNumber(n)) {
          E164Number number = new E164Number(util.format(n, PhoneNumberFormat.E164));
          Set<ConstraintViolation<E164Number>> vs = validator.validate(number);
          checked++;
          if (!vs.isEmpty()) {
            refused.add(number.value());
          }
        }
      }
    }
    assertThat(checked).isGreaterThan(1000);
    assertThat(refused).isEmpty();
  }

  @Test
  @DisplayName("an address holding the longest value of every element still validates")
  void longestValues() {
    DispatchableAddress.Builder b = TestValues.sanFranciscoBuilder();
    for (CivicElement e : CivicElement.values()) {
      if (e != CivicElement.COUNTRY && e != CivicElement.A1 && e != CivicElement.HNO && e != CivicElement.PC && e != CivicElement.PCE) {
        b.set(e, "x".repeat(e.maxLength()));
      }
    }
    assertThat(validator.validate(b.build())).isEmpty();
  }
}
