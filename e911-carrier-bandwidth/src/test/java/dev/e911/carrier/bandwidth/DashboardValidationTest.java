package dev.e911.carrier.bandwidth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.e911.api.address.AddressValidation;
import dev.e911.api.address.CivicElement;
import dev.e911.api.spi.AddressValidationResult;
import dev.e911.api.spi.RemoteFailure;
import dev.e911.testkit.carrier.Fault;
import dev.e911.testkit.http.RecordedRequest;
import dev.e911.testkit.http.StubHttpServer;
import dev.e911.testkit.http.StubResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("Dashboard mode: validation through geocodeRequest")
class DashboardValidationTest {

  private final TestTime time = new TestTime();
  private final FakeBandwidth fake = new FakeBandwidth(BandwidthConfig.Mode.DASHBOARD);
  private final BandwidthCarrier adapter = fake.adapter(time);

  @AfterEach
  void close() {
    adapter.close();
    fake.close();
  }

  @Test
  void a_known_address_is_valid_in_the_carriers_form_marked_validated_by_bandwidth_now() {
    fake.knowAddress(Addresses.tampa());
    time.advance(Duration.ofMinutes(5));
    AddressValidationResult r = adapter.validate(Addresses.tampa());
    assertThat(r).isInstanceOfSatisfying(AddressValidationResult.Valid.class, v -> {
      assertThat(v.standardized().validation()).contains(new AddressValidation("bandwidth", TestTime.START.plus(Duration.ofMinutes(5))));
      assertThat(v.standardized().streetName()).contains("HARBOUR VIEW");
      assertThat(v.standardized().get(CivicElement.STS)).contains("BLVD");
      assertThat(v.standardized().get(CivicElement.UNIT)).contains("STE 410");
      assertThat(v.standardized().sameCivicAddress(Addresses.tampa().toBuilder().streetSuffix("BLVD").unit("STE 410").build())).isTrue();
    });
    RecordedRequest sent = fake.server().requests("POST", "/api/accounts/" + FakeBandwidth.ACCOUNT + "/geocodeRequest").get(0);
    assertThat(sent.bodyUtf8()).startsWith("<RequestAddress>").contains("<HouseNumber>2210</HouseNumber>")
        .contains("<PreDirectional>W</PreDirectional>").contains("<StreetSuffix>BLVD</StreetSuffix>")
        .contains("<AddressLine2>STE 410</AddressLine2>").contains("<Country>US</Country>");
    assertThat(sent.header("Content-Type")).hasValueSatisfying(ct -> assertThat(ct).startsWith("application/xml"));
  }

  @Test
  void a_409_with_a_geocoded_address_is_a_correction_to_show_the_user_not_an_error() {
    fake.correct(Addresses.tampaTypo(), Addresses.tampa());
    AddressValidationResult r = adapter.validate(Addresses.tampaTypo());
    assertThat(r).isInstanceOfSatisfying(AddressValidationResult.Corrected.class, c -> {
      assertThat(c.suggestions()).hasSize(1);
      assertThat(c.suggestions().get(0).streetName()).contains("HARBOUR VIEW");
      assertThat(c.suggestions().get(0).get(CivicElement.PRD)).contains("W");
      assertThat(c.suggestions().get(0).validation()).isPresent();
      assertThat(c.reasons()).singleElement().asString().contains("Valid value");
    });
  }

  @Test
  void an_address_the_geocoder_cannot_place_is_rejected_with_its_code() {
    assertThat(adapter.validate(Addresses.nowhere())).isInstanceOfSatisfying(AddressValidationResult.Rejected.class,
        r -> assertThat(r.reasons()).singleElement().asString().startsWith("12110"));
  }

  @Test
  void an_address_bandwidth_cannot_hold_is_rejected_without_asking() {
    var tooLong = Addresses.tampa().toBuilder().additionalLocation("behind the loading dock next to the blue door, ring twice").build();
    assertThat(adapter.validate(tooLong)).isInstanceOfSatisfying(AddressValidationResult.Rejected.class,
        r -> assertThat(r.reasons()).singleElement().asString().startsWith("AddressLine2:"));
    assertThat(fake.server().requestCount()).isZero();
  }

  @Test
  void a_503_burst_is_retried_and_then_answers() {
    fake.knowAddress(Addresses.tampa());
    fake.failNext(Fault.SERVER_ERROR, 2);
    assertThat(adapter.validate(Addresses.tampa())).isInstanceOf(AddressValidationResult.Valid.class);
    assertThat(fake.server().requestCount()).isEqualTo(3);
  }

  @Test
  void a_503_that_outlasts_the_retries_is_a_transient_failure() {
    fake.failNext(Fault.SERVER_ERROR, 5);
    assertThat(adapter.validate(Addresses.tampa())).isInstanceOfSatisfying(AddressValidationResult.Failed.class, f -> {
      assertThat(f.failure().kind()).isEqualTo(RemoteFailure.Kind.TRANSIENT);
      assertThat(f.failure().retryable()).isTrue();
    });
  }

  @Test
  void a_429_is_retried_after_the_retry_after_it_asked_for() {
    fake.knowAddress(Addresses.tampa());
    fake.failNext(Fault.RATE_LIMITED, 1);
    assertThat(adapter.validate(Addresses.tampa())).isInstanceOf(AddressValidationResult.Valid.class);
    assertThat(time.sleeps()).contains(Duration.ofSeconds(1));
  }

  @Test
  void a_persistent_429_is_rate_limited_with_the_wait() {
    fake.failNext(Fault.RATE_LIMITED, 5);
    assertThat(adapter.validate(Addresses.tampa())).isInstanceOfSatisfying(AddressValidationResult.Failed.class, f -> {
      assertThat(f.failure().kind()).isEqualTo(RemoteFailure.Kind.RATE_LIMITED);
      assertThat(f.failure().retryAfter()).isEqualTo(Duration.ofSeconds(1));
    });
  }

  @Test
  void a_401_is_an_authentication_failure_asked_exactly_once() {
    fake.failNext(Fault.UNAUTHORIZED, 3);
    assertThat(adapter.validate(Addresses.tampa())).isInstanceOfSatisfying(AddressValidationResult.Failed.class, f -> {
      assertThat(f.failure().kind()).isEqualTo(RemoteFailure.Kind.AUTHENTICATION);
      assertThat(f.failure().retryable()).isFalse();
      assertThat(f.failure().message()).doesNotContain(FakeBandwidth.PASSWORD).doesNotContain(FakeBandwidth.USERNAME);
    });
    assertThat(fake.server().requestCount()).isEqualTo(1);
  }

  @Test
  void a_response_slower_than_the_timeout_is_a_transient_failure() {
    fake.failNext(Fault.HANG, 5);
    assertThat(adapter.validate(Addresses.tampa())).isInstanceOfSatisfying(AddressValidationResult.Failed.class,
        f -> assertThat(f.failure().kind()).isEqualTo(RemoteFailure.Kind.TRANSIENT));
  }

  @Test
  void a_malformed_body_is_a_malformed_response() {
    fake.failNext(Fault.MALFORMED, 1);
    assertThat(adapter.validate(Addresses.tampa())).isInstanceOfSatisfying(AddressValidationResult.Failed.class,
        f -> assertThat(f.failure().kind()).isEqualTo(RemoteFailure.Kind.MALFORMED_RESPONSE));
  }

  @Nested
  @DisplayName("with scripted answers")
  class Scripted {
    private final StubHttpServer server = StubHttpServer.start();
    private final BandwidthCarrier scripted = BandwidthCarrier.builder(BandwidthConfig.builder(BandwidthConfig.Mode.DASHBOARD)
        .baseUrl(server.uri("/api")).accountId("42").basic(dev.e911.api.spi.Secret.of("u-1234"), dev.e911.api.spi.Secret.of("p-5678"))
        .attemptTimeout(Duration.ofMillis(800)).maxAttempts(2).retryInitialBackoff(Duration.ofMillis(1))
        .maxResponseBytes(4096).build()).clock(time).sleeper(time).build();

    @AfterEach
    void stop() {
      scripted.close();
      server.close();
    }

    private AddressValidationResult answer(StubResponse response) {
      server.on("POST", "/api/accounts/42/geocodeRequest").respond(response);
      return scripted.validate(Addresses.tampa());
    }

    @Test
    void the_schema_spelling_GeocodeAddress_lower_case_names_and_empty_elements_are_read() {
      AddressValidationResult r = answer(StubResponse.xml(200, "<?xml version=\"1.0\"?><GeocodeRequestResponse><geocodeAddress>"
          + "<houseNumber>2210</houseNumber><HouseSuffix/><PreDirectional>W</PreDirectional><STREETNAME>HARBOUR VIEW</STREETNAME>"
          + "<StreetSuffix>BLVD</StreetSuffix><PostDirectional></PostDirectional><City>TAMPA</City><StateCode>FL</StateCode>"
          + "<Zip>33602</Zip><PlusFour>4417</PlusFour><Country>US</Country></geocodeAddress></GeocodeRequestResponse>"));
      assertThat(r).isInstanceOfSatisfying(AddressValidationResult.Valid.class, v -> {
        assertThat(v.standardized().get(CivicElement.PCE)).contains("4417");
        assertThat(v.standardized().get(CivicElement.HNS)).isEmpty();
        assertThat(v.standardized().get(CivicElement.POD)).isEmpty();
      });
    }

    @Test
    void a_500_with_12111_is_a_retryable_failure() {
      AddressValidationResult r = answer(StubResponse.xml(500, "<GeocodeRequestResponse><ResponseStatus><ErrorCode>12111</ErrorCode>"
          + "<Description>Error handling geocoder response</Description></ResponseStatus></GeocodeRequestResponse>"));
      assertThat(r).isInstanceOfSatisfying(AddressValidationResult.Failed.class, f -> {
        assertThat(f.failure().kind()).isEqualTo(RemoteFailure.Kind.TRANSIENT);
        assertThat(f.failure().code()).isEqualTo("12111");
        assertThat(f.failure().httpStatus()).isEqualTo(500);
      });
    }

    @Test
    void a_403_is_a_permission_failure() {
      assertThat(answer(StubResponse.xml(403, "<ResponseStatus><ErrorCode>1001</ErrorCode><Description>Access denied</Description></ResponseStatus>")))
          .isInstanceOfSatisfying(AddressValidationResult.Failed.class, f -> assertThat(f.failure().kind()).isEqualTo(RemoteFailure.Kind.PERMISSION));
    }

    @Test
    void a_200_without_a_geocoded_address_is_malformed() {
      assertThat(answer(StubResponse.xml(200, "<GeocodeRequestResponse><RequestAddress><City>X</City></RequestAddress></GeocodeRequestResponse>")))
          .isInstanceOfSatisfying(AddressValidationResult.Failed.class, f -> assertThat(f.failure().kind()).isEqualTo(RemoteFailure.Kind.MALFORMED_RESPONSE));
    }

    @Test
    void an_external_entity_is_never_resolved() {
      AddressValidationResult r = answer(StubResponse.xml(200, "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
          + "<GeocodeRequestResponse><GeocodedAddress><HouseNumber>2210</HouseNumber><StreetName>&xxe;</StreetName><City>TAMPA</City>"
          + "<StateCode>FL</StateCode><Zip>33602</Zip></GeocodedAddress></GeocodeRequestResponse>"));
      assertThat(r).isInstanceOfSatisfying(AddressValidationResult.Failed.class, f -> {
        assertThat(f.failure().kind()).isEqualTo(RemoteFailure.Kind.MALFORMED_RESPONSE);
        assertThat(f.failure().message()).contains("DOCTYPE").doesNotContain("root:");
      });
    }

    @Test
    void a_body_over_the_bound_is_malformed_and_never_parsed() {
      String huge = "<GeocodeRequestResponse>" + "<X>y</X>".repeat(1000) + "</GeocodeRequestResponse>";
      assertThat(answer(StubResponse.xml(200, huge))).isInstanceOfSatisfying(AddressValidationResult.Failed.class,
          f -> assertThat(f.failure().kind()).isEqualTo(RemoteFailure.Kind.MALFORMED_RESPONSE));
    }

    @Test
    void a_409_without_a_suggestion_is_a_rejection_with_the_carriers_message() {
      assertThat(answer(StubResponse.xml(409, "<GeocodeRequestResponse><ErrorMessage>Address is ambiguous</ErrorMessage></GeocodeRequestResponse>")))
          .isEqualTo(new AddressValidationResult.Rejected(List.of("Address is ambiguous")));
    }
  }
}
