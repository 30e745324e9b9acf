package dev.e911.core.notify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.e911.api.spi.Secret;
import dev.e911.core.notify.WebhookSignature.Verification;
import dev.e911.core.notify.WebhookSignature.Verification.Reason;
import dev.e911.core.testing.MutableClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

  static final Secret SECRET = Secret.of("whsec-0123456789abcdef");
  static final Instant NOW = Instant.parse("2026-11-25T14:00:00Z");
  static final long TS = NOW.getEpochSecond();
  static final byte[] BODY = "{\"callId\":\"c1\"}".getBytes(StandardCharsets.UTF_8);
  final MutableClock clock = new MutableClock(NOW);

  Verification verify(Secret secret, String ts, String sig, byte[] body) {
    return WebhookSignature.verify(secret, ts, sig, body, clock, WebhookSignature.DEFAULT_TOLERANCE);
  }

  static Reason reason(Verification v) {
    assertThat(v).isInstanceOf(Verification.Invalid.class);
    return ((Verification.Invalid) v).reason();
  }

  @Test
  @DisplayName("a fresh, untouched request verifies")
  void valid() {
    String sig = WebhookSignature.sign(SECRET, TS, BODY);
    assertThat(sig).startsWith("v1=").hasSize(3 + 64);
    assertThat(verify(SECRET, Long.toString(TS), sig, BODY)).isEqualTo(new Verification.Valid(TS));
    assertThat(verify(SECRET, Long.toString(TS), sig.toUpperCase(java.util.Locale.ROOT).replace("V1=", "v1="), BODY).isValid())
        .as("hex case does not matter").isTrue();
  }

  @Test
  @DisplayName("a changed body, another secret or a re-stamped timestamp fail the signature")
  void mismatch() {
    String sig = WebhookSignature.sign(SECRET, TS, BODY);
    byte[] tampered = "{\"callId\":\"c2\"}".getBytes(StandardCharsets.UTF_8);
    assertThat(reason(verify(SECRET, Long.toString(TS), sig, tampered))).isEqualTo(Reason.SIGNATURE_MISMATCH);
    assertThat(reason(verify(Secret.of("another-secret-0123"), Long.toString(TS), sig, BODY))).isEqualTo(Reason.SIGNATURE_MISMATCH);
    assertThat(reason(verify(SECRET, Long.toString(TS + 1), sig, BODY))).as("a replay with a fresh timestamp")
        .isEqualTo(Reason.SIGNATURE_MISMATCH);
  }

  @Test
  @DisplayName("a timestamp beyond the tolerance either way is refused as stale, even with a valid signature")
  void stale() {
    String sig = WebhookSignature.sign(SECRET, TS, BODY);
    clock.advance(Duration.ofMinutes(5).plusSeconds(1));
    assertThat(reason(verify(SECRET, Long.toString(TS), sig, BODY))).isEqualTo(Reason.STALE_TIMESTAMP);
    long future = TS + Duration.ofMinutes(11).getSeconds();
    assertThat(reason(verify(SECRET, Long.toString(future), WebhookSignature.sign(SECRET, future, BODY), BODY)))
        .isEqualTo(Reason.STALE_TIMESTAMP);
    clock.advance(Duration.ofSeconds(-2));
    assertThat(verify(SECRET, Long.toString(TS), sig, BODY).isValid()).as("just inside the tolerance").isTrue();
  }

  @Test
  @DisplayName("missing and malformed headers are named as such")
  void malformed() {
    String sig = WebhookSignature.sign(SECRET, TS, BODY);
    assertThat(reason(verify(SECRET, "", sig, BODY))).isEqualTo(Reason.MISSING_HEADER);
    assertThat(reason(verify(SECRET, Long.toString(TS), null, BODY))).isEqualTo(Reason.MISSING_HEADER);
    assertThat(reason(verify(SECRET, "soon", sig, BODY))).isEqualTo(Reason.MALFORMED_HEADER);
    assertThat(reason(verify(SECRET, Long.toString(TS), sig.substring(3), BODY))).isEqualTo(Reason.MALFORMED_HEADER);
    assertThat(reason(verify(SECRET, Long.toString(TS), "v1=zz", BODY))).isEqualTo(Reason.MALFORMED_HEADER);
    assertThat(reason(verify(SECRET, "-5", sig, BODY))).isEqualTo(Reason.MALFORMED_HEADER);
  }
}
