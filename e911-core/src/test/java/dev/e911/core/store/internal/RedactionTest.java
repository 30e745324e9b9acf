package dev.e911.core.store.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.e911.api.spi.Secret;
import java.sql.SQLException;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Redaction")
class RedactionTest {

  private final Redaction redaction = new Redaction(Optional.of(Secret.of("Tr0ub4dor&3")));

  @Test
  @DisplayName("removes the password wherever it appears, and password parameters of any spelling")
  void scrub() {
    assertThat(redaction.scrub("login failed with Tr0ub4dor&3 for x")).isEqualTo("login failed with *** for x");
    assertThat(redaction.scrub("jdbc:pg://h/db?user=a&password=other&ssl=1")).isEqualTo("jdbc:pg://h/db?user=a&password=***&ssl=1");
    assertThat(redaction.scrub("jdbc:h2:file:x;USER=sa;PASSWORD=other;MODE=x")).isEqualTo("jdbc:h2:file:x;USER=sa;PASSWORD=***;MODE=x");
    assertThat(redaction.scrub("Server=h;Pwd = abc123, Timeout=3")).isEqualTo("Server=h;Pwd=***, Timeout=3");
    assertThat(redaction.scrub("jdbc:pg://bob:other@h:5432/db")).isEqualTo("jdbc:pg://bob:***@h:5432/db");
  }

  @Test
  @DisplayName("describes a URL by what comes before its parameters, without user information")
  void describe() {
    assertThat(Redaction.describe("jdbc:postgresql://bob:pw@db:5432/e911?password=pw")).isEqualTo("jdbc:postgresql://db:5432/e911");
    assertThat(Redaction.describe("jdbc:h2:file:/var/lib/e911/store;WRITE_DELAY=0;PASSWORD=x")).isEqualTo("jdbc:h2:file:/var/lib/e911/store");
  }

  @Test
  @DisplayName("copies a driver exception chain with scrubbed messages, keeping SQL state and code")
  void copies() {
    SQLException cause = new SQLException("inner Tr0ub4dor&3", "28P01", 7);
    SQLException e = new SQLException("outer password=abc", "08001", 0, cause);
    e.setNextException(new SQLException("next Tr0ub4dor&3"));
    SQLException copy = redaction.scrubbed(e);
    assertThat(copy.getMessage()).isEqualTo("SQLException: outer password=***");
    assertThat(copy.getSQLState()).isEqualTo("08001");
    assertThat(copy.getCause().getMessage()).isEqualTo("SQLException: inner ***");
    assertThat(((SQLException) copy.getCause()).getErrorCode()).isEqualTo(7);
    assertThat(copy.getNextException().getMessage()).isEqualTo("SQLException: next ***");
  }
}
