package dev.e911.api.site;

import static dev.e911.api.TestValues.did;
import static dev.e911.api.TestValues.locationElin;
import static dev.e911.api.TestValues.poolElin;
import static dev.e911.api.TestValues.violationsOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.e911.api.validation.Violation;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SiteTest {

  @Test
  @DisplayName("a remote site with a pool of ELINs builds; its name is normalised")
  void builds() {
    Site s = new Site("remote-us", "  Remote   US ", Site.Kind.REMOTE, "hq-1", Site.MediaPolicy.remoteDefaults(),
        List.of(poolElin("+14155550101"), poolElin("+14155550102")));
    assertThat(s.name()).isEqualTo("Remote US");
    assertThat(s.elinPool()).hasSize(2);
    assertThat(s.mediaPolicy().forceTurn()).isTrue();
    assertThat(s.mediaPolicy().promptForEmergencyLocation()).isTrue();
    assertThat(new Site("hq", "HQ", Site.Kind.FIXED, "hq-1", new Site.MediaPolicy(false, false), null).elinPool()).isEmpty();
  }

  @Test
  @DisplayName("only distinct POOL_ELINs may be in the pool")
  void pool() {
    assertThat(violationsOf(() -> new Site("s", "S", Site.Kind.REMOTE, "l", Site.MediaPolicy.remoteDefaults(),
        List.of(poolElin("+14155550101"), locationElin("+14155550102"), poolElin("+14155550101"), did()))))
        .extracting(Violation::path, Violation::rule)
        .containsExactly(tuple("elinPool[1]", "elin.kind"), tuple("elinPool[2]", "duplicate"), tuple("elinPool[3]", "elin.kind"));
  }

  @Test
  @DisplayName("every missing or bad field is reported at once")
  void allAtOnce() {
    assertThat(violationsOf(() -> new Site("a b", null, null, "", null, List.of())))
        .extracting(Violation::path, Violation::rule).containsExactly(
            tuple("id", "id.syntax"), tuple("name", "required"), tuple("kind", "required"),
            tuple("defaultLocationId", "required"), tuple("mediaPolicy", "required"));
    assertThat(violationsOf(() -> new Site("s", "x\uFFFF", Site.Kind.FIXED, "l", Site.MediaPolicy.remoteDefaults(), List.of())))
        .extracting(Violation::path, Violation::rule).containsExactly(tuple("name", "text"));
  }

  @Test
  @DisplayName("a null pool entry is a violation, and the name limit applies after whitespace is collapsed")
  void nullEntryAndNameLength() {
    java.util.List<dev.e911.api.phone.Elin> pool = new java.util.ArrayList<>();
    pool.add(null);
    assertThat(violationsOf(() -> new Site("s", "S", Site.Kind.REMOTE, "l", Site.MediaPolicy.remoteDefaults(), pool)))
        .extracting(Violation::path, Violation::rule).containsExactly(tuple("elinPool[0]", "required"));
    String name = "a".repeat(100) + "\t".repeat(50) + "b".repeat(27);
    assertThat(new Site("s", name, Site.Kind.FIXED, "l", Site.MediaPolicy.remoteDefaults(), List.of()).name()).hasSize(128);
  }
}
