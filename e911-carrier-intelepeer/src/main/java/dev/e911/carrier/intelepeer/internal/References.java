package dev.e911.carrier.intelepeer.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Deterministic correlation ids: the same library operation (same verb, number, wished record and
 * state found before sending) always gets the same {@code referenceID} / {@code Idempotency-Key}, so a
 * resend after a lost answer is recognisable at the carrier, while binding A, then B, then A again
 * gets three different ids (the state before each differs) and is never mistaken for a replay.
 */
final class References {

  private References() {}

  /** {@code e911-<20 hex>-<verb>}; 30-odd characters of {@code [a-z0-9-]}. */
  static String of(String verb, String... parts) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(verb.getBytes(StandardCharsets.UTF_8));
      for (String p : parts) {
        sha.update((byte) 0);
        sha.update(p.getBytes(StandardCharsets.UTF_8));
      }
      return "e911-" + HexFormat.of().formatHex(sha.digest()).substring(0, 20) + "-" + verb;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is a required JDK algorithm", e);
    }
  }

  /** Everything an {@link E911Request} says, as one string for {@link #of}. */
  static String fingerprint(E911Request r) {
    WireAddress a = r.address();
    return String.join("\u0001", r.number10(), a.address1(), a.address2(), a.city(), a.state(), a.zip(),
        r.locationName(), Boolean.toString(r.dynamic()), r.callbackNumber10(), r.callerName());
  }
}
