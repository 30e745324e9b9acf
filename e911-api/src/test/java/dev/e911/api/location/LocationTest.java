package dev.e911.api.location;

import static dev.e911.api.TestValues.did;
import static dev.e911.api.TestValues.dispatchable;
import static dev.e911.api.TestValues.locationElin;
import static dev.e911.api.TestValues.poolElin;
import static dev.e911.api.TestValues.violationsOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.e911.api.phone.Elin;
import dev.e911.api.validation.Violation;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LocationTest {

  @Test
  @DisplayName("a location keeps its ELINs in order; the first is the primary")
  void elins() {
    Location l = new Location("sf-3", "SF floor 3", dispatchable(),
        List.of(locationElin("+14155550101"), locationElin("+14155550102")));
    assertThat(l.primaryElin()).contains(locationElin("+14155550101"));
    assertThat(l.elins()).hasSize(2);
    assertThat(Location.of("home-1", "Home", dispatchable()).primaryElin()).isEmpty();
  }

  @Test
  @DisplayName("the ELIN list is copied and cannot be modified")
  void copied() {
    List<Elin> elins = new ArrayList<>(List.of(locationElin("+14155550101")));
    Location l = new Location("sf-3", "SF", dispatchable(), elins);
    elins.add(locationElin("+14155550102"));
    assertThat(l.elins()).hasSize(1);
    assertThatThrownBy(() -> l.elins().clear()).isInstanceOf(UnsupportedOperationException.class);
    assertThat(new Location("sf-3", "SF", dispatchable(), null).elins()).isEmpty();
  }

  @Test
  @DisplayName("the name is normalised like xs:token")
  void nameToken() {
    assertThat(new Location("sf-3", "  SF \t floor  3 ", dispatchable(), List.of()).name()).isEqualTo("SF floor 3");
  }

  @Test
  @DisplayName("an ELIN of another kind and a repeated ELIN are refused with their index")
  void elinRules() {
    assertThat(violationsOf(() -> new Location("sf-3", "SF", dispatchable(),
        List.of(locationElin("+14155550101"), did(), locationElin("+14155550101"), poolElin("+14155550109")))))
        .extracting(Violation::path, Violation::rule)
        .containsExactly(tuple("elins[1]", "elin.kind"), tuple("elins[2]", "duplicate"), tuple("elins[3]", "elin.kind"));
  }

  @Test
  @DisplayName("id, name and address problems are all reported at once")
  void allAtOnce() {
    assertThat(violationsOf(() -> new Location("bad id", "x".repeat(129), null, List.of())))
        .extracting(Violation::path, Violation::rule)
        .containsExactly(tuple("id", "id.syntax"), tuple("name", "length"), tuple("address", "required"));
    assertThat(violationsOf(() -> new Location(null, " ", dispatchable(), List.of())))
        .extracting(Violation::path, Violation::rule)
        .containsExactly(tuple("id", "required"), tuple("name", "required"));
    assertThat(violationsOf(() -> Location.of("sf", "a\u0007b", dispatchable())))
        .extracting(Violation::path, Violation::rule).containsExactly(tuple("name", "text.control-char"));
  }

  @Test
  @DisplayName("the name length limit applies after whitespace is collapsed")
  void nameLengthAfterToken() {
    String name = "a".repeat(64) + " ".repeat(100) + "b".repeat(63);
    assertThat(Location.of("sf", name, dispatchable()).name()).hasSize(128);
  }

  @Test
  @DisplayName("a null ELIN in the list is refused as a violation, not a NullPointerException")
  void nullElin() {
    List<Elin> elins = new ArrayList<>();
    elins.add(null);
    assertThat(violationsOf(() -> new Location("sf", "SF", dispatchable(), elins)))
        .extracting(Violation::path, Violation::rule).containsExactly(tuple("elins[0]", "required"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"a", "A1", "site.sf-3_floor:2@hq", "0"})
  @DisplayName("ids of letters, digits and . _ : @ - are accepted")
  void ids(String id) {
    assertThat(Location.of(id, "x", dispatchable()).id()).isEqualTo(id);
  }

  @ParameterizedTest
  @ValueSource(strings = {"-a", ".a", "a b", "a/b", "é", "a\u0000"})
  @DisplayName("other ids are refused")
  void badIds(String id) {
    assertThat(violationsOf(() -> Location.of(id, "x", dispatchable())))
        .extracting(Violation::path, Violation::rule).containsExactly(tuple("id", "id.syntax"));
  }

  @Test
  @DisplayName("an id of 128 characters is accepted and one of 129 refused")
  void idLength() {
    assertThat(Location.of("a".repeat(128), "x", dispatchable()).id()).hasSize(128);
    assertThat(violationsOf(() -> Location.of("a".repeat(129), "x", dispatchable())))
        .extracting(Violation::rule).containsExactly("id.syntax");
  }
}
