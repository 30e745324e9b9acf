package dev.e911.core.notify;

import dev.e911.api.spi.Secret;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The webhook signature scheme, for senders and receivers alike. The sender puts the Unix time in seconds
 * in {@value #TIMESTAMP_HEADER} and {@code v1=} plus the lower-case hex HMAC-SHA256 of
 * {@code <timestamp> "." <body bytes>}, keyed with the UTF-8 bytes of the shared secret, in
 * {@value #SIGNATURE_HEADER}. A receiver recomputes it over the exact bytes received, compares in
 * constant time, and refuses a timestamp further than its tolerance from its own clock (a replayed request
 * carries an old timestamp, and the timestamp cannot be changed without breaking the signature).
 */
public final class WebhookSignature {

  /** Header carrying the Unix time (seconds) the request was signed at. */
  public static final String TIMESTAMP_HEADER = "X-E911-Timestamp";
  /** Header carrying {@code v1=<hex HMAC-SHA256>}. */
  public static final String SIGNATURE_HEADER = "X-E911-Signature";
  /** Header carrying the sender's id of this delivery, the same on every HTTP retry of it (for de-duplication). */
  public static final String DELIVERY_HEADER = "X-E911-Delivery";
  /** The scheme prefix of the signature header value. */
  public static final String SCHEME = "v1=";
  /** The tolerance receivers should use unless they have a reason not to. */
  public static final Duration DEFAULT_TOLERANCE = Duration.ofMinutes(5);

  private WebhookSignature() {
  }

  /** Whether a request verified, and if not, why (the reasons never contain the secret or the signature). */
  public sealed interface Verification {
    /** The signature matches and the timestamp is within tolerance. */
    record Valid(long timestamp) implements Verification {}

    /** Refused, for {@code reason}. */
    record Invalid(Reason reason) implements Verification {
      public Invalid {
        Objects.requireNonNull(reason, "reason");
      }
    }

    /** Why a request was refused. */
    enum Reason {
      /** A header is missing or empty. */
      MISSING_HEADER,
      /** A header is not of the documented form. */
      MALFORMED_HEADER,
      /** The timestamp is further from now than the tolerance: a replay, or a badly wrong clock. */
      STALE_TIMESTAMP,
      /** The signature does not match the body, timestamp and secret. */
      SIGNATURE_MISMATCH
    }

    /** Whether the request verified. */
    default boolean isValid() {
      return this instanceof Valid;
    }
  }

  /** The header value ({@code v1=<hex>}) for {@code body} signed at {@code timestamp} (Unix seconds). */
  public static String sign(Secret secret, long timestamp, byte[] body) {
    return SCHEME + HexFormat.of().formatHex(mac(secret, timestamp, body));
  }

  /**
   * Verifies a received request.
   *
   * @param timestampHeader the value of {@value #TIMESTAMP_HEADER} ("" when absent)
   * @param signatureHeader the value of {@value #SIGNATURE_HEADER} ("" when absent)
   * @param body the exact body bytes received
   * @param tolerance how far the timestamp may be from {@code clock}'s now, either way
   */
  public static Verification verify(Secret secret, String timestampHeader, String signatureHeader, byte[] body,
      Clock clock, Duration tolerance) {
    Objects.requireNonNull(secret, "secret");
    Objects.requireNonNull(body, "body");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(tolerance, "tolerance");
    if (timestampHeader == null || timestampHeader.isBlank() || signatureHeader == null || signatureHeader.isBlank()) {
      return new Verification.Invalid(Verification.Reason.MISSING_HEADER);
    }
    String ts = timestampHeader.strip();
    String sig = signatureHeader.strip();
    if (!ts.matches("[0-9]{1,12}") || !sig.startsWith(SCHEME) || !sig.substring(SCHEME.length()).matches("[0-9a-fA-F]{64}")) {
      return new Verification.Invalid(Verification.Reason.MALFORMED_HEADER);
    }
    long timestamp = Long.parseLong(ts);
    long now = clock.instant().getEpochSecond();
    if (Math.abs(now - timestamp) > tolerance.getSeconds()) {
      return new Verification.Invalid(Verification.Reason.STALE_TIMESTAMP);
    }
    byte[] expected = mac(secret, timestamp, body);
    byte[] given = HexFormat.of().parseHex(sig.substring(SCHEME.length()).toLowerCase(java.util.Locale.ROOT));
    return MessageDigest.isEqual(expected, given)
        ? new Verification.Valid(timestamp) : new Verification.Invalid(Verification.Reason.SIGNATURE_MISMATCH);
  }

  private static byte[] mac(Secret secret, long timestamp, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.reveal().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      mac.update(Long.toString(timestamp).getBytes(StandardCharsets.US_ASCII));
      mac.update((byte) '.');
      return mac.doFinal(body);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available in this JDK", e);
    }
  }
}
