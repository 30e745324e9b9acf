package dev.e911.reliability.crash;

import dev.e911.testkit.http.RecordedRequest;
import dev.e911.testkit.http.StubHttpServer;
import dev.e911.testkit.http.StubResponse;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The remote side of the crash test, living in the parent JVM so that it survives every kill: a
 * loopback carrier (address validation, number bindings) and platform (user location assignment),
 * each an idempotent PUT by key. It records every state change it applied, so the test can tell a
 * lost change (never applied), an idempotent retry (same value again: a no-op) and a duplicate
 * applied change (a value applied to a key a second time after something else).
 */
final class Ledger implements AutoCloseable {

  /** One state change the ledger applied. */
  record Applied(String key, String value) {}

  private final StubHttpServer server = StubHttpServer.start();
  private final Map<String, String> state = new HashMap<>();
  private final List<Applied> applied = new ArrayList<>();
  private int repeats;
  private int validations;

  Ledger() {
    server.on("POST", "/carrier/validate").respondWith(r -> {
      synchronized (this) {
        validations++;
      }
      return StubResponse.text(200, "valid");
    });
    server.on("PUT", "/carrier/numbers/**").respondWith(this::put);
    server.on("PUT", "/platform/users/**").respondWith(this::put);
  }

  private synchronized StubResponse put(RecordedRequest r) {
    String key = r.path();
    String value = r.bodyUtf8();
    if (value.equals(state.get(key))) {
      repeats++;
      return StubResponse.text(200, "unchanged");
    }
    state.put(key, value);
    applied.add(new Applied(key, value));
    return StubResponse.text(200, "applied");
  }

  URI base() {
    return server.baseUri();
  }

  static String numberKey(String e164) {
    return "/carrier/numbers/" + e164.replace("+", "");
  }

  static String userKey(String agentId) {
    return "/platform/users/" + agentId;
  }

  synchronized Optional<String> current(String key) {
    return Optional.ofNullable(state.get(key));
  }

  synchronized List<Applied> applied() {
    return List.copyOf(applied);
  }

  synchronized int repeats() {
    return repeats;
  }

  synchronized int validations() {
    return validations;
  }

  @Override
  public void close() {
    server.close();
  }
}
