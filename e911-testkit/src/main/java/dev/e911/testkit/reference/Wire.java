package dev.e911.testkit.reference;

import dev.e911.api.address.DispatchableAddress;
import dev.e911.api.spi.BindingKey;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The reference carrier's "wire": the requests {@link ReferenceCarrier} sends to a
 * {@link ReferenceDatabase} and the replies it gets, shaped like a small REST API (status codes,
 * {@code Retry-After}, a payload that may be garbage) so that the adapter has to do the same
 * mapping, retrying and re-reading a real HTTP adapter does.
 */
final class Wire {

  private Wire() {}

  /** A request to the database. */
  sealed interface Request permits Validate, Get, Put, Delete, GetOrder {
    /** The request line, e.g. {@code GET /bindings/number:+14155550100}. */
    String line();

    /** Whether it changes state (a write order). */
    default boolean write() {
      return false;
    }

    /** The body as text, for the request log. */
    default String body() {
      return "";
    }
  }

  /** {@code POST /addresses/validate}. */
  record Validate(DispatchableAddress address) implements Request {
    @Override
    public String line() {
      return "POST /addresses/validate";
    }

    @Override
    public String body() {
      return address.oneLine();
    }
  }

  /** {@code GET /bindings/{key}}: the binding held and any open order for the key. */
  record Get(BindingKey key) implements Request {
    @Override
    public String line() {
      return "GET /bindings/" + key;
    }
  }

  /** {@code PUT /bindings/{key}}: create or replace (natural key). */
  record Put(BindingKey key, DispatchableAddress address, String callerName, String callbackNumber) implements Request {
    @Override
    public String line() {
      return "PUT /bindings/" + key;
    }

    @Override
    public boolean write() {
      return true;
    }

    @Override
    public String body() {
      return "callerName=" + callerName + "\ncallback=" + callbackNumber + "\naddress=" + address.oneLine();
    }
  }

  /** {@code DELETE /bindings/{key}}. */
  record Delete(BindingKey key) implements Request {
    @Override
    public String line() {
      return "DELETE /bindings/" + key;
    }

    @Override
    public boolean write() {
      return true;
    }
  }

  /** {@code GET /orders/{id}} (asynchronous mode). */
  record GetOrder(String orderId) implements Request {
    @Override
    public String line() {
      return "GET /orders/" + orderId;
    }
  }

  /**
   * A reply: an HTTP-like status ({@code 0} when no answer came within the timeout), the
   * {@code Retry-After} of a 429, and a payload whose type the adapter must check.
   */
  record Reply(int status, Duration retryAfter, Object payload) {
    static Reply of(int status, Object payload) {
      return new Reply(status, Duration.ZERO, payload);
    }

    static Reply timedOut() {
      return new Reply(0, Duration.ZERO, "");
    }

    boolean isTimeout() {
      return status == 0;
    }
  }

  /** A binding as the database stores it. */
  record Stored(BindingKey key, DispatchableAddress address, String callerName, String callbackNumber,
      String reference) {}

  /** An asynchronous order. */
  record Order(String orderId, Request change, boolean complete) {}

  /** The answer to {@link Get}: what is held, and the open order for the key, if any. */
  record KeyState(Optional<Stored> held, Optional<Order> open) {}

  /** The answer to {@link Validate}. */
  sealed interface Verdict permits Exact, Suggest, Unknown {}

  /** The address is in the database; {@code standardized} is its spelling. */
  record Exact(DispatchableAddress standardized) implements Verdict {}

  /** Near misses, with what differs. */
  record Suggest(List<DispatchableAddress> suggestions, List<String> reasons) implements Verdict {}

  /** Nothing close. */
  record Unknown(List<String> reasons) implements Verdict {}
}
