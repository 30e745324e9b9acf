package dev.e911.carrier.intelepeer.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.e911.api.address.AddressValidation;
import dev.e911.api.address.DispatchableAddress;
import dev.e911.api.spi.AddressValidationResult;
import dev.e911.api.spi.RemoteFailure;
import dev.e911.api.validation.InvalidValueException;
import dev.e911.api.validation.Violation;
import dev.e911.carrier.intelepeer.internal.IntelePeerSession.Answered;
import dev.e911.carrier.intelepeer.internal.IntelePeerSession.Exchange;
import dev.e911.carrier.intelepeer.internal.IntelePeerSession.Unanswered;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The port on the ASSUMED contract of the carrier reference (section 8), which IntelePeer has not
 * published: {@code POST /e911/v1/addresses/validate}, {@code PUT|GET|DELETE /e911/v1/bindings/{e164}}
 * with an {@code Idempotency-Key} on writes, {@code GET /e911/v1/orders/{orderId}}, errors as
 * {@code application/problem+json}, {@code 429} with {@code Retry-After}. Writes read the binding
 * first (an identical active binding sends nothing), carry a key derived from the operation and the
 * state found, and after a lost answer read again before giving up. Every path, field and status
 * here is an assumption to confirm with IntelePeer.
 */
public final class IntelePeerAssumedGateway implements IntelePeerE911Port {

  static final String VALIDATE_PATH = "/e911/v1/addresses/validate";
  static final String BINDINGS_PATH = "/e911/v1/bindings/";
  static final String ORDERS_PATH = "/e911/v1/orders/";
  static final String VALIDATED_BY = "intelepeer";

  private final IntelePeerSession session;
  private final Clock clock;

  public IntelePeerAssumedGateway(IntelePeerSession session, Clock clock) {
    this.session = session;
    this.clock = clock;
  }

  @Override
  public AddressValidationResult validate(DispatchableAddress address) {
    WireAddress sent;
    try {
      sent = IntelePeerAddressMapping.toWire(address);
    } catch (InvalidValueException e) {
      return new AddressValidationResult.Rejected(reasons(e));
    }
    Exchange ex = session.send("POST", VALIDATE_PATH, wire(sent), Map.of());
    if (ex instanceof Unanswered u) {
      return new AddressValidationResult.Failed(u.failure());
    }
    Answered a = (Answered) ex;
    if (a.status() == 400 || a.status() == 422) {
      return new AddressValidationResult.Rejected(session.reasons(a));
    }
    if (!a.ok()) {
      return new AddressValidationResult.Failed(session.failureFor(a));
    }
    Optional<JsonNode> json = a.json().filter(JsonNode::isObject);
    String status = json.flatMap(n -> Json.text(n, "status")).orElse("").toUpperCase(Locale.ROOT);
    List<String> messages = new ArrayList<>();
    json.map(n -> n.get("messages")).filter(JsonNode::isArray)
        .ifPresent(m -> m.forEach(t -> messages.add(session.clean(t.asText()))));
    AddressValidation stamp = new AddressValidation(VALIDATED_BY, clock.instant());
    try {
      switch (status) {
        case "VALID": {
          Optional<WireAddress> normalized = json.map(n -> n.get("normalized")).flatMap(IntelePeerAssumedGateway::wire);
          if (normalized.isEmpty() || normalized.get().equals(sent)) {
            return new AddressValidationResult.Valid(address.withValidation(stamp));
          }
          return new AddressValidationResult.Valid(carry(address, IntelePeerAddressMapping.fromWire(normalized.get()))
              .withValidation(stamp));
        }
        case "CORRECTED": {
          List<DispatchableAddress> suggestions = new ArrayList<>();
          JsonNode list = json.get().get("suggestions");
          if (list != null && list.isArray()) {
            for (JsonNode s : list) {
              Optional<WireAddress> w = wire(s);
              if (w.isEmpty()) {
                return new AddressValidationResult.Failed(session.malformed(a, "a suggestion is not an address"));
              }
              suggestions.add(carry(address, IntelePeerAddressMapping.fromWire(w.get())).withValidation(stamp));
            }
          }
          if (suggestions.isEmpty()) {
            return new AddressValidationResult.Failed(session.malformed(a, "CORRECTED carries no suggestion"));
          }
          return new AddressValidationResult.Corrected(suggestions, messages);
        }
        case "INVALID":
          return new AddressValidationResult.Rejected(messages.isEmpty()
              ? List.of("IntelePeer does not find the address in its 911 database") : messages);
        default:
          return new AddressValidationResult.Failed(session.malformed(a, "its status is not VALID, CORRECTED or INVALID"));
      }
    } catch (InvalidValueException e) {
      return new AddressValidationResult.Failed(session.malformed(a, "an address in it is not a usable address"));
    }
  }

  /** The original's point and in-building requirement on the carrier's spelling of the civic elements. */
  private static DispatchableAddress carry(DispatchableAddress original, DispatchableAddress carrier) {
    return carrier.toBuilder().point(original.point().orElse(null))
        .requiresInBuildingDetail(original.requiresInBuildingDetail()).build();
  }

  @Override
  public PortResult<Order> bind(E911Request request) {
    PortResult<BindingState> before = read(request.number10());
    if (!(before instanceof PortResult.Ok<BindingState> ok)) {
      return cast(before);
    }
    if (ok.value() instanceof BindingState.Active active && active.address().equals(request.address())
        && !request.dynamic()) {
      return new PortResult.Ok<>(Order.nothingToDo(request.number10(), Order.Kind.BIND, "ACTIVE (unchanged)"));
    }
    String key = References.of("bind", References.fingerprint(request), ok.value().toString());
    ObjectNode body = Json.object();
    body.set("address", wire(request.address()));
    body.put("locationName", request.locationName());
    body.put("callerName", request.callerName());
    if (request.dynamic()) {
      body.put("dynamic", true);
      body.put("callbackNumber", "+1" + request.callbackNumber10());
    }
    Exchange ex = session.send("PUT", BINDINGS_PATH + pathE164(request.number10()), body, Map.of("Idempotency-Key", key));
    return afterWrite(ex, request.number10(), Order.Kind.BIND, key, request.address());
  }

  @Override
  public PortResult<Order> unbind(String number10) {
    PortResult<BindingState> before = read(number10);
    if (!(before instanceof PortResult.Ok<BindingState> ok)) {
      return cast(before);
    }
    if (ok.value() instanceof BindingState.Absent) {
      return new PortResult.Ok<>(Order.nothingToDo(number10, Order.Kind.UNBIND, "ABSENT"));
    }
    String key = References.of("unbind", number10, ok.value().toString());
    Exchange ex = session.send("DELETE", BINDINGS_PATH + pathE164(number10), null, Map.of("Idempotency-Key", key));
    if (ex instanceof Answered a && a.status() == 404) {
      return new PortResult.Ok<>(Order.nothingToDo(number10, Order.Kind.UNBIND, "ABSENT"));
    }
    return afterWrite(ex, number10, Order.Kind.UNBIND, key, null);
  }

  private PortResult<Order> afterWrite(Exchange ex, String number10, Order.Kind kind, String key, WireAddress wished) {
    if (ex instanceof Answered a && a.ok()) {
      Optional<JsonNode> json = a.json().filter(JsonNode::isObject);
      Optional<String> id = json.flatMap(n -> Json.text(n, "orderId"));
      Optional<Order.Status> status = json.flatMap(n -> Json.text(n, "status")).flatMap(IntelePeerAssumedGateway::status);
      if (id.isEmpty() || status.isEmpty()) {
        return new PortResult.Failed<>(session.malformed(a, "without orderId and a known status"));
      }
      return new PortResult.Ok<>(new Order(id.get(), number10, kind, status.get(), status.get().name(), List.of(), true));
    }
    if (ex instanceof Answered a && (a.status() == 400 || a.status() == 422)) {
      return new PortResult.Rejected<>(session.reasons(a));
    }
    if (ex.hadUncertainAttempt()) {
      PortResult<BindingState> after = read(number10);
      if (after instanceof PortResult.Ok<BindingState> now) {
        boolean applied = kind == Order.Kind.BIND
            ? now.value() instanceof BindingState.Active act && act.address().equals(wished)
            : now.value() instanceof BindingState.Absent;
        if (applied) {
          return new PortResult.Ok<>(Order.nothingToDo(number10, kind, "APPLIED (answer lost; key " + key + ")"));
        }
      }
    }
    RemoteFailure f = ex instanceof Unanswered u ? u.failure() : session.failureFor((Answered) ex);
    return new PortResult.Failed<>(f);
  }

  @Override
  public PortResult<BindingState> read(String number10) {
    Exchange ex = session.send("GET", BINDINGS_PATH + pathE164(number10), null, Map.of());
    if (ex instanceof Unanswered u) {
      return new PortResult.Failed<>(u.failure());
    }
    Answered a = (Answered) ex;
    if (a.status() == 404) {
      return new PortResult.Ok<>(new BindingState.Absent());
    }
    if (!a.ok()) {
      return new PortResult.Failed<>(session.failureFor(a));
    }
    Optional<JsonNode> json = a.json().filter(JsonNode::isObject);
    String status = json.flatMap(n -> Json.text(n, "status")).orElse("").toUpperCase(Locale.ROOT);
    switch (status) {
      case "ACTIVE": {
        Optional<WireAddress> w = json.map(n -> n.get("address")).flatMap(IntelePeerAssumedGateway::wire);
        if (w.isEmpty()) {
          return new PortResult.Failed<>(session.malformed(a, "an ACTIVE binding carries no address"));
        }
        return new PortResult.Ok<>(new BindingState.Active(w.get(),
            json.flatMap(n -> Json.text(n, "updatedAt")).map(u -> "updatedAt=" + session.clean(u)).orElse("")));
      }
      case "REMOVED":
        return new PortResult.Ok<>(new BindingState.Absent());
      case "PENDING":
        return new PortResult.Ok<>(new BindingState.InProgress("PENDING"));
      case "FAILED":
        return new PortResult.Ok<>(new BindingState.FailedAtCarrier(List.of("IntelePeer reports the last order for this"
            + " number FAILED")));
      default:
        return new PortResult.Failed<>(session.malformed(a, "its status is not ACTIVE, PENDING, FAILED or REMOVED"));
    }
  }

  @Override
  public PortResult<Order> order(Order order) {
    if (order.orderId().isEmpty()) {
      return new PortResult.Ok<>(order);
    }
    Exchange ex = session.send("GET", ORDERS_PATH + order.orderId(), null, Map.of());
    if (ex instanceof Unanswered u) {
      return new PortResult.Failed<>(u.failure());
    }
    Answered a = (Answered) ex;
    if (!a.ok()) {
      return new PortResult.Failed<>(session.failureFor(a));
    }
    Optional<JsonNode> json = a.json().filter(JsonNode::isObject);
    String raw = json.flatMap(n -> Json.text(n, "status")).orElse("").toUpperCase(Locale.ROOT);
    JsonNode mine = null;
    List<String> reasons = new ArrayList<>();
    JsonNode items = json.map(n -> n.get("items")).orElse(null);
    if (items != null && items.isArray()) {
      for (JsonNode item : items) {
        if (("+1" + order.number10()).equals(Json.text(item, "e164").orElse(""))) {
          mine = item;
          String code = Json.text(item, "errorCode").orElse("");
          String message = Json.text(item, "message").orElse("");
          if (!code.isEmpty() || !message.isEmpty()) {
            reasons.add(session.clean((code.isEmpty() ? "" : code + ": ") + message));
          }
        }
      }
    }
    String effective = raw.equals("PARTIAL") && mine != null
        ? Json.text(mine, "status").orElse("").toUpperCase(Locale.ROOT) : raw;
    Optional<Order.Status> status = status(effective);
    if (status.isEmpty()) {
      return new PortResult.Failed<>(session.malformed(a, "its status is not PENDING, COMPLETE, PARTIAL or FAILED"));
    }
    if (status.get() == Order.Status.FAILED && reasons.isEmpty()) {
      reasons.add("IntelePeer failed order " + order.orderId());
    }
    return new PortResult.Ok<>(new Order(order.orderId(), order.number10(), order.kind(), status.get(), raw, reasons,
        true));
  }

  /**
   * The E.164 number as a path segment, {@code +} percent-encoded: a literal {@code +} is legal in a
   * path, but servers that decode paths like form data would read it as a space.
   */
  static String pathE164(String number10) {
    return "%2B1" + number10;
  }

  private static Optional<Order.Status> status(String s) {
    return switch (s.toUpperCase(Locale.ROOT)) {
      case "PENDING", "ACCEPTED", "IN_PROGRESS" -> Optional.of(Order.Status.PENDING);
      case "COMPLETE", "COMPLETED", "ACTIVE", "REMOVED" -> Optional.of(Order.Status.COMPLETE);
      case "FAILED" -> Optional.of(Order.Status.FAILED);
      default -> Optional.empty();
    };
  }

  static ObjectNode wire(WireAddress w) {
    ObjectNode n = Json.object();
    n.put("address1", w.address1());
    n.put("address2", w.address2());
    n.put("city", w.city());
    n.put("state", w.state());
    n.put("zip", w.zip());
    return n;
  }

  static Optional<WireAddress> wire(JsonNode n) {
    if (n == null || !n.isObject()) {
      return Optional.empty();
    }
    Optional<String> a1 = Json.text(n, "address1");
    Optional<String> city = Json.text(n, "city");
    Optional<String> state = Json.text(n, "state");
    Optional<String> zip = Json.text(n, "zip");
    if (a1.isEmpty() || city.isEmpty() || state.isEmpty() || zip.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new WireAddress(a1.get(), Json.text(n, "address2").orElse(""), city.get(), state.get(), zip.get()));
  }

  static List<String> reasons(InvalidValueException e) {
    return e.violations().stream().map(Violation::toString).toList();
  }

  @SuppressWarnings("unchecked")
  private static <T> PortResult<T> cast(PortResult<?> notOk) {
    return (PortResult<T>) notOk;
  }
}
