package dev.e911.core.json;

import static org.assertj.core.api.Assertions.assertThat;

import dev.e911.api.address.CivicElement;
import dev.e911.api.address.DispatchableAddress;
import dev.e911.api.address.GeoPoint;
import dev.e911.api.network.IpAddress;
import dev.e911.api.network.NetworkObservation;
import dev.e911.api.validation.Validated;
import java.time.Instant;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class DomainJsonPropertiesTest {

  private final DomainJson json = DomainJson.create();

  @Provide
  Arbitrary<DispatchableAddress> addresses() {
    Arbitrary<String> words = Arbitraries.strings().withCharRange('a', 'z').withChars('é', 'ñ', 'Ü', ' ', '&', '<', '\'')
        .ofMinLength(1).ofMaxLength(20);
    Arbitrary<String> digits = Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(6);
    Arbitrary<String> states = Arbitraries.of("CA", "NY", "TX", "PR", "DC", "WA");
    Arbitrary<String> zips = Arbitraries.strings().numeric().ofLength(5);
    Arbitrary<GeoPoint> points = Combinators.combine(Arbitraries.doubles().between(-90, 90), Arbitraries.doubles().between(-180, 180),
        Arbitraries.of(0.0, 10.0, 150.5)).as(GeoPoint::new);
    return Combinators.combine(words, words, digits, states, zips, words.injectNull(0.5), points.injectNull(0.5),
        Arbitraries.of(true, false)).as((street, city, hno, state, zip, floor, point, multi) ->
            Validated.of(() -> DispatchableAddress.builder("US").streetName(street).city(city).houseNumber(hno)
                .state(state).postalCode(zip).set(CivicElement.FLR, floor).point(point).requiresInBuildingDetail(multi).build()))
        .filter(Validated::isValid).map(Validated::orElseThrow);
  }

  @Property(tries = 200)
  void addressesRoundTrip(@ForAll("addresses") DispatchableAddress address) {
    assertThat(json.read(json.write(address), DispatchableAddress.class)).isEqualTo(address);
  }

  @Property(tries = 200)
  void observationsRoundTrip(@ForAll int v4, @ForAll long hi, @ForAll long lo, @ForAll long mac) {
    NetworkObservation o = NetworkObservation.builder(Instant.ofEpochSecond(1_700_000_000L))
        .localAddress(IpAddress.ofV4(v4)).publicAddress(IpAddress.ofV6(hi, lo))
        .bssid(new dev.e911.api.network.MacAddress(mac & 0xFFFF_FFFF_FFFFL)).build();
    assertThat(json.read(json.write(o), NetworkObservation.class)).isEqualTo(o);
  }

  @Property(tries = 300)
  void arbitraryTextNeverCrashesTheReader(@ForAll String text) {
    try {
      json.read(text, DispatchableAddress.class);
    } catch (JsonInputException e) {
      assertThat(e.violations()).isNotEmpty();
    }
  }
}
