package dev.e911.carrier.intelepeer.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.e911.api.address.DispatchableAddress;
import dev.e911.api.spi.AddressValidationResult;
import dev.e911.api.spi.RemoteFailure;
import dev.e911.carrier.intelepeer.IntelePeerSettings;
import dev.e911.carrier.intelepeer.internal.IntelePeerSession.Answered;
import dev.e911.carrier.intelepeer.internal.IntelePeerSession.Exchange;
import dev.e911.carrier.intelepeer.internal.IntelePeerSession.Unanswered;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The port on IntelePeer's documented v3 E911 number management: {@code POST} (add) or {@code PUT}
 * (update) {@code /_rest/v3/my/did/e911}, {@code DELETE} with a JSON body, and the DID list
 * {@code GET /_rest/v3/my/did?hasE911=true} as the only read-back. There is no idempotency key, so
 * every write is preceded by a look at the DID list (a number that already has E911 is updated with
 * {@code PUT}, never added twice with {@code POST}), carries a deterministic {@code referenceID}, and a
 * {@code POST} whose answer was lost is never resent: the DID list is read again instead. The DID
 * list cannot tell which address a number holds, so the gateway remembers, per number, the record of
 * the last bind order IntelePeer accepted from it (or applied without an answer): the same record
 * asked for again within {@link IntelePeerSettings#resubmitAfter()}, while the DID list shows E911,
 * is answered with that order, still pending, and sends nothing. A number without E911 in the DID
 * list is always sent at once, whatever was remembered (a caller without E911 is the worse failure). No
 * validation endpoint and no order-status endpoint are public, so {@link #validate} is unsupported
 * and bind orders cannot be followed (they stay pending until a 933 test call confirms them); the
 * completion of a removal is seen in the DID list. Response shapes beyond {@code order.orderID} are
 * unverified and read tolerantly.
 */
public final class IntelePeerV3Gateway implements IntelePeerE911Port {

  static final String E911_PATH = "/_rest/v3/my/did/e911";
  static final String DID_PATH = "/_rest/v3/my/did";
  static final int PAGE_SIZE = 100;
  private static final int MAX_PAGES = 50;
  /** Field names a DID row may carry its number in (row shape unverified). */
  private static final List<String> NUMBER_FIELDS = List.of("number", "did", "tn", "telephoneNumber", "phoneNumber");
  /** Field names the DID list may wrap its rows in (shape unverified). */
  private static final List<String> LIST_FIELDS = List.of("dids", "data", "items", "results", "numbers", "rows");

  /** A bind order IntelePeer accepted (or applied without an answer): the record it carried, when, and its ids. */
  private record Submitted(String fingerprint, String orderId, String reference, Instant at) {}

  private final IntelePeerSession session;
  private final IntelePeerSettings settings;
  private final Clock clock;
  /** By 10-digit number; callers serialise operations on one number. */
  private final ConcurrentMap<String, Submitted> submitted = new ConcurrentHashMap<>();

  public IntelePeerV3Gateway(IntelePeerSession session, IntelePeerSettings settings, Clock clock) {
    this.session = session;
    this.settings = settings;
    this.clock = clock;
  }

  @Override
  public AddressValidationResult validate(DispatchableAddress address) {
    return new AddressValidationResult.Unsupported("IntelePeer publishes no address validation API (v3 contract):"
        + " validate with another 911 source first; IntelePeer rejects addresses that do not match its 911 database");
  }

  @Override
  public PortResult<Order> bind(E911Request request) {
    PortResult<Boolean> before = hasE911(request.number10());
    if (!(before instanceof PortResult.Ok<Boolean> ok)) {
      return cast(before);
    }
    boolean update = ok.value();
    String fingerprint = References.fingerprint(request);
    if (!update) {
      submitted.remove(request.number10()); // no E911 on the number: whatever was ordered is not there, send it
    }
    Submitted earlier = update ? submitted.get(request.number10()) : null;
    if (earlier != null && earlier.fingerprint().equals(fingerprint)
        && clock.instant().isBefore(earlier.at().plus(settings.resubmitAfter()))) {
      return new PortResult.Ok<>(new Order(earlier.orderId(), request.number10(), Order.Kind.BIND, Order.Status.PENDING,
          "SUBMITTED at " + earlier.at() + " (reference " + earlier.reference() + "); the DID list shows E911 on the"
              + " number and IntelePeer publishes no order status, so the same record is not sent again before "
              + earlier.at().plus(settings.resubmitAfter()) + "; confirm with a 933 test call", List.of(), false));
    }
    String method = update ? "PUT" : "POST";
    String reference = References.of("bind", fingerprint, Boolean.toString(update));
    Exchange ex = session.send(method, E911_PATH, body(request, reference), Map.of());
    if (ex instanceof Answered a && a.ok()) {
      Optional<Order> order = orderOf(a, request.number10(), Order.Kind.BIND, reference);
      order.ifPresent(o -> remember(request.number10(), fingerprint, o.orderId(), reference));
      return order.<PortResult<Order>>map(PortResult.Ok::new)
          .orElseGet(() -> new PortResult.Failed<>(session.malformed(a, "without a readable order.orderID")));
    }
    if (ex instanceof Answered a && (a.status() == 400 || a.status() == 422) && !a.hadUncertainAttempt()) {
      return new PortResult.Rejected<>(session.reasons(a));
    }
    if (ex.hadUncertainAttempt() && !update) {
      // the POST may have been applied; a second POST could create a second E911 order
      PortResult<Boolean> after = hasE911(request.number10());
      if (after instanceof PortResult.Ok<Boolean> now && now.value()) {
        remember(request.number10(), fingerprint, "", reference);
        return new PortResult.Ok<>(new Order("", request.number10(), Order.Kind.BIND, Order.Status.PENDING,
            "SUBMITTED (answer lost; the DID list shows E911 on the number; reference " + reference + ")", List.of(),
            false));
      }
      return new PortResult.Failed<>(new RemoteFailure(RemoteFailure.Kind.TRANSIENT, status(ex), "",
          "POST " + E911_PATH + " may have reached IntelePeer without an answer and the DID list does not show E911"
              + " on the number yet; not resent, to avoid a second order (reference " + reference + ")",
          Duration.ZERO));
    }
    return new PortResult.Failed<>(failure(ex));
  }

  private void remember(String number10, String fingerprint, String orderId, String reference) {
    submitted.put(number10, new Submitted(fingerprint, orderId, reference, clock.instant()));
  }

  @Override
  public PortResult<Order> unbind(String number10) {
    submitted.remove(number10); // whatever follows, a later bind sends its record again
    PortResult<Boolean> before = hasE911(number10);
    if (!(before instanceof PortResult.Ok<Boolean> ok)) {
      return cast(before);
    }
    if (!ok.value()) {
      return new PortResult.Ok<>(Order.nothingToDo(number10, Order.Kind.UNBIND, "NO_E911"));
    }
    String reference = References.of("unbind", number10);
    ObjectNode body = requester(reference);
    numbers(body, number10);
    Exchange ex = session.send("DELETE", E911_PATH, body, Map.of());
    if (ex instanceof Answered a && a.ok()) {
      return orderOf(a, number10, Order.Kind.UNBIND, reference)
          .<PortResult<Order>>map(PortResult.Ok::new)
          .orElseGet(() -> new PortResult.Failed<>(session.malformed(a, "without a readable order.orderID")));
    }
    if (ex.hadUncertainAttempt()) {
      PortResult<Boolean> after = hasE911(number10);
      if (after instanceof PortResult.Ok<Boolean> now && !now.value()) {
        return new PortResult.Ok<>(Order.nothingToDo(number10, Order.Kind.UNBIND, "REMOVED"));
      }
    }
    if (ex instanceof Answered a && (a.status() == 400 || a.status() == 422)) {
      return new PortResult.Rejected<>(session.reasons(a));
    }
    return new PortResult.Failed<>(failure(ex));
  }

  @Override
  public PortResult<BindingState> read(String number10) {
    PortResult<Boolean> has = hasE911(number10);
    if (!(has instanceof PortResult.Ok<Boolean> ok)) {
      return cast(has);
    }
    return new PortResult.Ok<>(ok.value()
        ? new BindingState.AddressUnknown("IntelePeer lists E911 on this number (hasE911=true) but publishes no API to"
            + " read its address back; confirm it with a 933 test call")
        : new BindingState.Absent());
  }

  @Override
  public PortResult<Order> order(Order order) {
    if (order.kind() == Order.Kind.UNBIND) {
      PortResult<Boolean> has = hasE911(order.number10());
      if (!(has instanceof PortResult.Ok<Boolean> ok)) {
        return cast(has);
      }
      return new PortResult.Ok<>(new Order(order.orderId(), order.number10(), order.kind(),
          ok.value() ? Order.Status.PENDING : Order.Status.COMPLETE, ok.value() ? "E911_STILL_LISTED" : "REMOVED",
          List.of(), true));
    }
    return new PortResult.Unsupported<>("IntelePeer publishes no order status API; confirm with a 933 test call");
  }

  /** Whether the DID list shows E911 on the number: {@code hasE911=true}, narrowed with {@code like}, paged. */
  PortResult<Boolean> hasE911(String number10) {
    for (int page = 1; page <= MAX_PAGES; page++) {
      Exchange ex = session.send("GET", DID_PATH + "?hasE911=true&like=" + number10 + "&page=" + page + "&pageSize="
          + PAGE_SIZE, null, Map.of());
      if (!(ex instanceof Answered a) || !a.ok()) {
        return new PortResult.Failed<>(failure(ex));
      }
      Optional<JsonNode> rows = a.json().flatMap(IntelePeerV3Gateway::rows);
      if (rows.isEmpty()) {
        return new PortResult.Failed<>(session.malformed(a, "its body is not a DID list"));
      }
      int count = 0;
      for (JsonNode row : rows.get()) {
        if (++count > PAGE_SIZE) {
          break; // the extra row only signals a next page
        }
        Optional<String> n = rowNumber(row);
        if (n.isEmpty()) {
          return new PortResult.Failed<>(session.malformed(a, "a DID row carries no number"));
        }
        boolean flagged = !row.has("hasE911") || row.get("hasE911").asBoolean(true);
        if (n.get().equals(number10) && flagged) {
          return new PortResult.Ok<>(true);
        }
      }
      if (count <= PAGE_SIZE) {
        return new PortResult.Ok<>(false);
      }
    }
    return new PortResult.Failed<>(RemoteFailure.of(RemoteFailure.Kind.MALFORMED_RESPONSE,
        "the DID list did not end within " + MAX_PAGES + " pages"));
  }

  private static Optional<JsonNode> rows(JsonNode n) {
    if (n.isArray()) {
      return Optional.of(n);
    }
    if (!n.isObject()) {
      return Optional.empty();
    }
    for (String f : LIST_FIELDS) {
      if (n.has(f) && n.get(f).isArray()) {
        return Optional.of(n.get(f));
      }
    }
    JsonNode only = null;
    for (Iterator<JsonNode> it = n.elements(); it.hasNext(); ) {
      JsonNode v = it.next();
      if (v.isArray()) {
        if (only != null) {
          return Optional.empty();
        }
        only = v;
      }
    }
    return Optional.ofNullable(only);
  }

  private static Optional<String> rowNumber(JsonNode row) {
    if (row.isTextual() || row.isNumber()) {
      return digits10(row.asText());
    }
    for (String f : NUMBER_FIELDS) {
      Optional<String> n = Json.text(row, f).flatMap(IntelePeerV3Gateway::digits10);
      if (n.isPresent()) {
        return n;
      }
    }
    return Optional.empty();
  }

  private static Optional<String> digits10(String s) {
    String d = s.replaceAll("[^0-9]", "");
    if (d.length() == 11 && d.startsWith("1")) {
      d = d.substring(1);
    }
    return d.length() == 10 ? Optional.of(d) : Optional.empty();
  }

  private Optional<Order> orderOf(Answered a, String number10, Order.Kind kind, String reference) {
    return a.json().map(n -> n.get("order")).filter(JsonNode::isObject)
        .flatMap(o -> Json.text(o, "orderID"))
        .map(id -> new Order(id, number10, kind, Order.Status.PENDING, "SUBMITTED (reference " + reference + ")",
            List.of(), kind == Order.Kind.UNBIND));
  }

  private ObjectNode body(E911Request r, String reference) {
    ObjectNode b = requester(reference);
    b.put("locationName", r.locationName());
    b.put("address1", r.address().address1());
    if (!r.address().address2().isEmpty()) {
      b.put("address2", r.address().address2());
    }
    b.put("city", r.address().city());
    b.put("state", r.address().state());
    b.put("zip", r.address().zip());
    numbers(b, r.number10());
    if (r.dynamic()) {
      b.put("isDynamic911", true);
      b.put("dynamic911CallbackNumbers", r.callbackNumber10());
      b.put("dynamic911CallerName", r.callerName());
    }
    return b;
  }

  private ObjectNode requester(String reference) {
    ObjectNode b = Json.object();
    b.put("serviceBusiness", settings.serviceBusiness());
    b.put("serviceUser", settings.serviceUser());
    b.put("serviceUserTitle", settings.serviceUserTitle());
    b.put("referenceID", reference);
    settings.notificationEmail().ifPresent(e -> b.put("Email", e));
    settings.notes().ifPresent(n -> b.put("Notes", n));
    return b;
  }

  private static void numbers(ObjectNode b, String number10) {
    ArrayNode numbers = b.putArray("numbers");
    numbers.addObject().put("countryCode", "1").put("number", number10);
  }

  private RemoteFailure failure(Exchange ex) {
    return ex instanceof Unanswered u ? u.failure() : session.failureFor((Answered) ex);
  }

  private static int status(Exchange ex) {
    return ex instanceof Answered a ? a.status() : ((Unanswered) ex).failure().httpStatus();
  }

  @SuppressWarnings("unchecked")
  private static <T> PortResult<T> cast(PortResult<?> notOk) {
    return (PortResult<T>) notOk;
  }
}
