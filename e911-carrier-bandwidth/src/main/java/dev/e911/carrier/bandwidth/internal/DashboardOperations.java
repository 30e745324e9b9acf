package dev.e911.carrier.bandwidth.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.e911.api.address.AddressValidation;
import dev.e911.api.address.DispatchableAddress;
import dev.e911.api.spi.AddressValidationResult;
import dev.e911.api.spi.Binding;
import dev.e911.api.spi.BindingKey;
import dev.e911.api.spi.ProvisionedBinding;
import dev.e911.api.spi.ProvisioningResult;
import dev.e911.api.spi.ReadBackResult;
import dev.e911.api.spi.RemoteFailure;
import dev.e911.api.validation.InvalidValueException;
import dev.e911.core.http.HttpOutcome;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Surface (A), the Dashboard numbers API (XML): {@code geocodeRequest} for validation; {@code e911s}
 * orders for conventional TN bindings and for DLR endpoints (a location-pool order with a
 * {@code LocationId} derived from the address, then the AEUI order); removal with
 * {@code DeleteTNSpecificE911Address}; read-back through {@code /tns/{tn}/e911} and {@code aeuis/{id}}.
 *
 * <p>Idempotency: every write is preceded by a read of what the carrier holds (an identical binding
 * sends no order), each operation has its own {@code CustomerOrderId}, and a POST that timed out is
 * followed by {@code GET e911s?customerOrderId=} before anything is resent. Orders are followed by
 * polling with a bounded backoff; past the bound the result is {@code Pending}.
 */
public final class DashboardOperations implements Operations {

  private static final Logger LOG = LoggerFactory.getLogger(DashboardOperations.class);
  private static final Set<String> FINAL = Set.of("COMPLETE", "ADJUSTED_COMPLETE", "PARTIAL", "ADJUSTED_PARTIAL", "FAILED");
  private static final Set<String> IN_PROGRESS = Set.of("RECEIVED", "PROCESSING");
  /** Bandwidth's "this order duplicates a competing E911 order, which wins". */
  static final String COMPETING_ORDER = "8033";
  private static final int MAX_CALLER_NAME = 50;

  private final Context ctx;
  private final URI account;

  /** Operations on {@code {baseUrl}/accounts/{accountId}}. */
  public DashboardOperations(Context ctx) {
    this.ctx = ctx;
    this.account = Transport.uri(ctx.config().baseUrl(), List.of("accounts", ctx.config().accountId()));
  }

  // ---------------------------------------------------------------- validation

  @Override
  public AddressValidationResult validate(DispatchableAddress address) {
    Map<String, String> fields;
    try {
      fields = BandwidthAddressMapping.toDashboard(address);
    } catch (InvalidValueException e) {
      return new AddressValidationResult.Rejected(Context.reasons(e));
    }
    ObjectNode body = ctx.payloads().object();
    fields.forEach(body::put);
    HttpOutcome outcome = send("POST", Transport.uri(account, List.of("geocodeRequest")),
        ctx.payloads().writeXml("RequestAddress", body));
    if (outcome instanceof HttpOutcome.Failure f) {
      return new AddressValidationResult.Failed(ctx.failures().of(f));
    }
    HttpOutcome.Response r = (HttpOutcome.Response) outcome;
    try {
      if (r.status() == 200 || r.status() == 201) {
        JsonNode geo = geocoded(ctx.payloads().readXml(r.body()))
            .orElseThrow(() -> new MalformedPayloadException("the 200 answer carries no GeocodedAddress"));
        return new AddressValidationResult.Valid(standardized(geo, address));
      }
      if (r.status() == 409) {
        JsonNode root = ctx.payloads().readXml(r.body());
        List<String> reasons = scrubbed(Failures.xmlErrors(root));
        Optional<JsonNode> geo = geocoded(root);
        if (geo.isEmpty()) {
          return new AddressValidationResult.Rejected(reasons.isEmpty()
              ? List.of("Bandwidth answered 409 without a suggested address") : reasons);
        }
        return new AddressValidationResult.Corrected(List.of(standardized(geo.get(), address)),
            reasons.isEmpty() ? List.of("Bandwidth suggests a corrected address") : reasons);
      }
      if (r.status() == 400) {
        List<String> reasons = scrubbed(ctx.failures().errors(r, false));
        return new AddressValidationResult.Rejected(reasons.isEmpty()
            ? List.of("Bandwidth cannot geocode the address (400)") : reasons);
      }
      return new AddressValidationResult.Failed(ctx.failures().of(r, false));
    } catch (MalformedPayloadException e) {
      return new AddressValidationResult.Failed(ctx.failures().malformed(r.status(), e));
    }
  }

  private static Optional<JsonNode> geocoded(JsonNode root) {
    return Nodes.child(root, "GeocodedAddress", "GeocodeAddress");
  }

  private DispatchableAddress standardized(JsonNode geo, DispatchableAddress sent) {
    return BandwidthAddressMapping.fromDashboard(geo, Optional.of(sent))
        .withValidation(new AddressValidation("bandwidth", ctx.clock().instant()));
  }

  // ---------------------------------------------------------------- provisioning

  @Override
  public ProvisioningResult provision(Binding binding) {
    Instant start = ctx.clock().instant();
    try {
      if (binding instanceof Binding.NumberBinding n) {
        return provisionNumber(n, start);
      }
      return provisionEndpoint((Binding.EndpointBinding) binding, start);
    } catch (MalformedPayloadException e) {
      return new ProvisioningResult.Failed(binding.key(), ctx.failures().malformed(0, e));
    }
  }

  private ProvisioningResult provisionNumber(Binding.NumberBinding n, Instant start) {
    BindingKey key = n.key();
    List<String> problems = new ArrayList<>();
    String tn = collect(problems, () -> BandwidthIds.tn10(n.number().e164(), "TelephoneNumber"));
    Map<String, String> fields = collect(problems, () -> BandwidthAddressMapping.toDashboard(n.address()));
    String callerName = callerName(n.callerName(), problems);
    if (!problems.isEmpty()) {
      return new ProvisioningResult.Rejected(key, problems);
    }
    Read current = readTn(tn);
    if (current instanceof ReadFailed f) {
      return new ProvisioningResult.Failed(key, f.failure());
    }
    if (current instanceof Held h && holds(h, fields, callerName, "")) {
      LOG.debug("Bandwidth already holds this address for the number; no order sent");
      return new ProvisioningResult.Done(key, "tn " + tn, false);
    }
    ObjectNode order = ctx.payloads().object();
    String coid = BandwidthIds.customerOrderId("tn", tn + "|" + fields + "|" + callerName, start);
    order.put("CustomerOrderId", coid);
    order.putObject("TelephoneNumbers").putArray("TelephoneNumber").add(tn);
    order.put("CallerName", callerName);
    fields.forEach(order.putObject("Address")::put);
    return submit(key, order, coid, false, () -> readTn(tn) instanceof Held h && holds(h, fields, callerName, ""));
  }

  private ProvisioningResult provisionEndpoint(Binding.EndpointBinding e, Instant start) {
    BindingKey key = e.key();
    List<String> problems = new ArrayList<>();
    String identifier = BandwidthIds.aeuiIdentifier(e.endpointId());
    String callback = collect(problems, () -> BandwidthIds.tn10(e.callbackNumber().e164(), "CallbackNumber"));
    Map<String, String> fields = collect(problems, () -> BandwidthAddressMapping.toDashboard(e.address()));
    String callerName = callerName(e.callerName(), problems);
    if (!problems.isEmpty()) {
      return new ProvisioningResult.Rejected(key, problems);
    }
    String locationId = BandwidthAddressMapping.locationId(fields);
    Read current = readAeui(identifier);
    if (current instanceof ReadFailed f) {
      return new ProvisioningResult.Failed(key, f.failure());
    }
    if (current instanceof Held h && holds(h, fields, callerName, callback)) {
      LOG.debug("Bandwidth already holds this endpoint as asked; no order sent");
      return new ProvisioningResult.Done(key, "aeui " + identifier, false);
    }
    // 1. the location pool entry; re-sending the same LocationId overwrites it with the same fields
    ObjectNode loc = ctx.payloads().object();
    String locCoid = BandwidthIds.customerOrderId("loc", locationId, start);
    loc.put("CustomerOrderId", locCoid);
    ObjectNode address = loc.putObject("AdditionalAddresses").putObject("Address");
    address.put("LocationId", locationId);
    fields.forEach(address::put);
    ProvisioningResult pool = submit(key, loc, locCoid, false, () -> false);
    if (!(pool instanceof ProvisioningResult.Done)) {
      return prefixed(pool, "location pool order: ");
    }
    // 2. the PIDF-LO endpoint referencing it
    ObjectNode aeui = ctx.payloads().object();
    String aeuiCoid = BandwidthIds.customerOrderId("aeui", identifier + "|" + callback + "|" + callerName + "|" + locationId, start);
    aeui.put("CustomerOrderId", aeuiCoid);
    ObjectNode a = aeui.putObject("AlternateEndUserIdentifiers").putObject("AlternateEndUserIdentifier");
    a.put("Identifier", identifier);
    a.put("PIDFLOEnabled", "true");
    a.put("CallbackNumber", callback);
    a.put("CallerName", callerName);
    a.put("PreferredLanguage", "en");
    a.put("LocationId", locationId);
    return submit(key, aeui, aeuiCoid, false,
        () -> readAeui(identifier) instanceof Held h && holds(h, fields, callerName, callback));
  }

  private static boolean holds(Held h, Map<String, String> fields, String callerName, String callback) {
    return BandwidthAddressMapping.sameDashboardAddress(h.fields(), fields)
        && (h.callerName().isEmpty() || h.callerName().equalsIgnoreCase(callerName))
        && (callback.isEmpty() || callback.equals(h.callback()));
  }

  private static String callerName(String name, List<String> problems) {
    String n = name.strip();
    if (n.length() > MAX_CALLER_NAME) {
      problems.add("CallerName: must be at most " + MAX_CALLER_NAME + " characters for Bandwidth [bandwidth.caller-name-length]");
    }
    return n;
  }

  private static <T> T collect(List<String> problems, java.util.function.Supplier<T> f) {
    try {
      return f.get();
    } catch (InvalidValueException e) {
      problems.addAll(Context.reasons(e));
      return null;
    }
  }

  private static ProvisioningResult prefixed(ProvisioningResult r, String prefix) {
    if (r instanceof ProvisioningResult.Rejected rej) {
      return new ProvisioningResult.Rejected(rej.key(), rej.reasons().stream().map(x -> prefix + x).toList());
    }
    if (r instanceof ProvisioningResult.Pending p) {
      return new ProvisioningResult.Pending(p.key(), p.orderReference(), prefix + p.carrierStatus());
    }
    return r;
  }

  // ---------------------------------------------------------------- removal

  @Override
  public ProvisioningResult remove(BindingKey key) {
    Instant start = ctx.clock().instant();
    try {
      ObjectNode order = ctx.payloads().object();
      if (key.type() == BindingKey.Type.NUMBER) {
        String tn;
        try {
          tn = BandwidthIds.tn10(key.value(), "TelephoneNumber");
        } catch (InvalidValueException e) {
          return new ProvisioningResult.Rejected(key, Context.reasons(e));
        }
        Read current = readTn(tn);
        if (current instanceof ReadFailed f) {
          return new ProvisioningResult.Failed(key, f.failure());
        }
        if (current instanceof None) {
          return new ProvisioningResult.Done(key, "", true);
        }
        String coid = BandwidthIds.customerOrderId("deltn", tn, start);
        order.put("CustomerOrderId", coid);
        order.putObject("TelephoneNumbers").putArray("TelephoneNumber").add(tn);
        order.put("DeleteTNSpecificE911Address", "true");
        return submit(key, order, coid, true, () -> readTn(tn) instanceof None);
      }
      String identifier = BandwidthIds.aeuiIdentifier(key.value());
      Read current = readAeui(identifier);
      if (current instanceof ReadFailed f) {
        return new ProvisioningResult.Failed(key, f.failure());
      }
      if (current instanceof None) {
        return new ProvisioningResult.Done(key, "", true);
      }
      String coid = BandwidthIds.customerOrderId("delaeui", identifier, start);
      order.put("CustomerOrderId", coid);
      order.putObject("AlternateEndUserIdentifiers").putObject("AlternateEndUserIdentifier").put("Identifier", identifier);
      order.put("DeleteTNSpecificE911Address", "true");
      return submit(key, order, coid, true, () -> readAeui(identifier) instanceof None);
    } catch (MalformedPayloadException e) {
      return new ProvisioningResult.Failed(key, ctx.failures().malformed(0, e));
    }
  }

  // ---------------------------------------------------------------- read-back

  @Override
  public ReadBackResult readBack(BindingKey key) {
    try {
      Read read;
      String reference;
      if (key.type() == BindingKey.Type.NUMBER) {
        String tn;
        try {
          tn = BandwidthIds.tn10(key.value(), "TelephoneNumber");
        } catch (InvalidValueException e) {
          return new ReadBackResult.NotFound(key);
        }
        read = readTn(tn);
        reference = "tn " + tn;
      } else {
        String identifier = BandwidthIds.aeuiIdentifier(key.value());
        read = readAeui(identifier);
        reference = "aeui " + identifier;
      }
      if (read instanceof ReadFailed f) {
        return new ReadBackResult.Failed(key, f.failure());
      }
      if (read instanceof None) {
        return new ReadBackResult.NotFound(key);
      }
      Held h = (Held) read;
      return new ReadBackResult.Found(new ProvisionedBinding(key,
          BandwidthAddressMapping.fromDashboard(h.address(), Optional.empty()), reference));
    } catch (MalformedPayloadException e) {
      return new ReadBackResult.Failed(key, ctx.failures().malformed(0, e));
    }
  }

  private sealed interface Read permits Held, None, ReadFailed {}

  /** What the carrier holds: the address element, its fields, caller name and callback ("" when not given). */
  private record Held(JsonNode address, Map<String, String> fields, String callerName, String callback) implements Read {}

  private record None() implements Read {}

  private record ReadFailed(RemoteFailure failure) implements Read {}

  private Read readTn(String tn) {
    HttpOutcome o = send("GET", Transport.uri(ctx.config().baseUrl(), List.of("tns", tn, "e911")), null);
    if (o instanceof HttpOutcome.Failure f) {
      return new ReadFailed(ctx.failures().of(f));
    }
    HttpOutcome.Response r = (HttpOutcome.Response) o;
    if (r.status() == 404) {
      return new None();
    }
    if (!r.isSuccessful()) {
      return new ReadFailed(ctx.failures().of(r, false));
    }
    if (r.bodyLength() == 0) {
      return new None();
    }
    JsonNode root = ctx.payloads().readXml(r.body());
    Optional<JsonNode> address = Nodes.child(root, "Address");
    if (address.isEmpty()) {
      return new None();
    }
    return new Held(address.get(), BandwidthAddressMapping.dashboardFields(address.get()),
        Nodes.text(root, "CallerName").orElse(""), "");
  }

  private Read readAeui(String identifier) {
    HttpOutcome o = send("GET", Transport.uri(account, List.of("aeuis", identifier)), null);
    if (o instanceof HttpOutcome.Failure f) {
      return new ReadFailed(ctx.failures().of(f));
    }
    HttpOutcome.Response r = (HttpOutcome.Response) o;
    if (r.status() == 404) {
      return new None();
    }
    if (!r.isSuccessful()) {
      return new ReadFailed(ctx.failures().of(r, false));
    }
    if (r.bodyLength() == 0) {
      return new None();
    }
    JsonNode root = ctx.payloads().readXml(r.body());
    if (Failures.xmlErrors(root).stream().anyMatch(e -> e.code().equals("12087"))) {
      return new None();
    }
    JsonNode aeui = Nodes.child(root, "AlternateEndUserIdentifier").orElse(root);
    Optional<JsonNode> address = Nodes.path(aeui, "E911", "Address").or(() -> Nodes.child(aeui, "Address"));
    if (address.isEmpty()) {
      if (Nodes.text(aeui, "Identifier").isEmpty()) {
        return new None();
      }
      throw new MalformedPayloadException("the AEUI has no address on file");
    }
    String callerName = Nodes.path(aeui, "E911", "CallerName").flatMap(Nodes::scalar)
        .or(() -> Nodes.text(aeui, "CallerName")).orElse("");
    return new Held(address.get(), BandwidthAddressMapping.dashboardFields(address.get()), callerName,
        Nodes.text(aeui, "CallbackNumber").orElse(""));
  }

  // ---------------------------------------------------------------- orders

  /**
   * Posts an order and follows it to a final state. After an uncertain POST (timed out or cut off
   * after it may have reached Bandwidth) the order is looked up by its {@code CustomerOrderId} and
   * followed if found; only if none exists is the POST sent again, once. An accepted order whose
   * answer cannot be read is looked up the same way (and followed) before it is called malformed.
   */
  private ProvisioningResult submit(BindingKey key, ObjectNode order, String coid, boolean removal, BooleanSupplier held) {
    URI orders = Transport.uri(account, List.of("e911s"));
    byte[] body = ctx.payloads().writeXml("E911Order", order);
    HttpOutcome outcome = send("POST", orders, body);
    if (Transport.isUncertainWrite(outcome)) {
      LOG.info("an E911 order POST may have been applied unseen; looking it up by CustomerOrderId before resending");
      Lookup lookup = findOrder(coid);
      if (lookup instanceof Found found) {
        return follow(key, found.orderId(), found.status(), removal, held);
      }
      if (lookup instanceof LookupFailed lf) {
        return new ProvisioningResult.Failed(key, ctx.failures().of(lf.failure().kind(), lf.failure().httpStatus(),
            lf.failure().code(), "the E911 order POST got no usable answer and looking it up by CustomerOrderId failed ("
                + lf.failure().message() + "); the order may have been applied: read back before provisioning again"));
      }
      outcome = send("POST", orders, body);
    }
    if (outcome instanceof HttpOutcome.Failure f) {
      return new ProvisioningResult.Failed(key, ctx.failures().of(f));
    }
    HttpOutcome.Response r = (HttpOutcome.Response) outcome;
    if (r.isSuccessful()) {
      JsonNode node;
      String orderId;
      try {
        node = orderNode(ctx.payloads().readXml(r.body()));
        orderId = Nodes.text(node, "OrderId", "Id")
            .orElseThrow(() -> new MalformedPayloadException("the order answer carries no OrderId"));
      } catch (MalformedPayloadException e) {
        // Bandwidth accepted the order but its answer cannot be read: follow it rather than order again
        LOG.info("the answer to an accepted E911 order cannot be read; looking it up by CustomerOrderId");
        if (findOrder(coid) instanceof Found found) {
          return follow(key, found.orderId(), found.status(), removal, held);
        }
        throw e;
      }
      String status = Nodes.text(node, "ProcessingStatus", "OrderStatus", "Status").orElse("RECEIVED");
      if (FINAL.contains(status)) {
        return finish(key, orderId, status, node, removal, held);
      }
      return follow(key, orderId, status, removal, held);
    }
    List<Failures.CarrierError> errors = ctx.failures().errors(r, false);
    if (errors.stream().anyMatch(e -> e.code().equals(COMPETING_ORDER))) {
      return competing(key, "", removal, held);
    }
    if (r.status() == 400) {
      return new ProvisioningResult.Rejected(key, errors.isEmpty()
          ? List.of("Bandwidth refused the E911 order (400)") : scrubbed(errors));
    }
    return new ProvisioningResult.Failed(key, ctx.failures().of(r, false));
  }

  private ProvisioningResult follow(BindingKey key, String orderId, String status, boolean removal, BooleanSupplier held) {
    URI uri = Transport.uri(account, List.of("e911s", orderId));
    String last = status;
    Context.Backoff backoff = ctx.backoff();
    while (backoff.await().isPresent()) {
      HttpOutcome o = send("GET", uri, null);
      RemoteFailure problem = null;
      if (o instanceof HttpOutcome.Failure f) {
        problem = ctx.failures().of(f);
      } else if (!((HttpOutcome.Response) o).isSuccessful()) {
        problem = ctx.failures().of((HttpOutcome.Response) o, false);
      }
      if (problem != null) {
        if (!problem.retryable()) {
          return new ProvisioningResult.Failed(key, problem);
        }
        continue;
      }
      JsonNode node = orderNode(ctx.payloads().readXml(((HttpOutcome.Response) o).body()));
      last = Nodes.text(node, "ProcessingStatus", "OrderStatus", "Status").orElse(last);
      if (FINAL.contains(last)) {
        return finish(key, orderId, last, node, removal, held);
      }
      if (!IN_PROGRESS.contains(last)) {
        return new ProvisioningResult.Failed(key, ctx.failures().of(RemoteFailure.Kind.MALFORMED_RESPONSE, 200, "",
            "order " + orderId + " reports an unknown ProcessingStatus"));
      }
    }
    return new ProvisioningResult.Pending(key, orderId, last);
  }

  private ProvisioningResult finish(BindingKey key, String orderId, String status, JsonNode node, boolean removal,
      BooleanSupplier held) {
    List<Failures.CarrierError> errors = orderErrors(node);
    if (errors.stream().anyMatch(e -> e.code().equals(COMPETING_ORDER))) {
      return competing(key, orderId, removal, held);
    }
    if (status.equals("COMPLETE") || status.equals("ADJUSTED_COMPLETE")) {
      for (JsonNode a : Nodes.children(Nodes.child(node, "AdditionalAddresses").orElse(null), "Address")) {
        Optional<String> vs = Nodes.text(a, "ValidationStatus");
        if (vs.isPresent() && !vs.get().equalsIgnoreCase("VALID")) {
          return new ProvisioningResult.Rejected(key, List.of("order " + orderId + " completed but the location's "
              + "ValidationStatus is " + ctx.transport().scrub(vs.get())));
        }
      }
      if (status.equals("ADJUSTED_COMPLETE")) {
        LOG.info("Bandwidth adjusted the address of order {}; read back to get the form it holds", orderId);
      }
      return new ProvisioningResult.Done(key, orderId, removal);
    }
    List<String> reasons = new ArrayList<>();
    for (String r : scrubbed(errors)) {
      reasons.add(status + ": " + r);
    }
    if (reasons.isEmpty()) {
      reasons.add("order " + orderId + " ended " + status + " without an ErrorList");
    }
    return new ProvisioningResult.Rejected(key, reasons);
  }

  private ProvisioningResult competing(BindingKey key, String orderId, boolean removal, BooleanSupplier held) {
    if (held.getAsBoolean()) {
      return new ProvisioningResult.Done(key, orderId, removal);
    }
    return new ProvisioningResult.Failed(key, ctx.failures().of(RemoteFailure.Kind.CONFLICT, 0, COMPETING_ORDER,
        "a competing E911 order for the same item won (8033) and the carrier does not hold what was asked; read back and retry"));
  }

  /** The {@code E911Order} inside an answer (the answer may be the order itself or wrap it). */
  private static JsonNode orderNode(JsonNode root) {
    return Nodes.child(root, "E911Order").orElse(root);
  }

  /** The errors of an order's {@code ErrorList}: {@code Error}, {@code AEUIError}, {@code E911AddressError} or any child with a code. */
  private static List<Failures.CarrierError> orderErrors(JsonNode order) {
    List<Failures.CarrierError> out = new ArrayList<>();
    Optional<JsonNode> list = Nodes.child(order, "ErrorList");
    if (list.isEmpty() || !list.get().isObject()) {
      return out;
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = list.get().fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      for (JsonNode err : e.getValue().isArray() ? e.getValue() : List.of(e.getValue())) {
        Optional<String> code = Nodes.text(err, "Code", "ErrorCode");
        Optional<String> desc = Nodes.text(err, "Description");
        if (code.isPresent() || desc.isPresent()) {
          out.add(new Failures.CarrierError(code.orElse(""), desc.orElse("")));
        }
      }
    }
    return out;
  }

  private sealed interface Lookup permits Found, NotFoundOrder, LookupFailed {}

  private record Found(String orderId, String status) implements Lookup {}

  private record NotFoundOrder() implements Lookup {}

  private record LookupFailed(RemoteFailure failure) implements Lookup {}

  private Lookup findOrder(String coid) {
    HttpOutcome o = send("GET", Transport.uri(account, List.of("e911s"), "customerOrderId", coid), null);
    if (o instanceof HttpOutcome.Failure f) {
      return new LookupFailed(ctx.failures().of(f));
    }
    HttpOutcome.Response r = (HttpOutcome.Response) o;
    if (r.status() == 404 || (r.isSuccessful() && r.bodyLength() == 0)) {
      return new NotFoundOrder();
    }
    if (!r.isSuccessful()) {
      return new LookupFailed(ctx.failures().of(r, false));
    }
    List<JsonNode> rows = new ArrayList<>();
    collectOrders(ctx.payloads().readXml(r.body()), rows);
    return rows.stream()
        .filter(row -> Nodes.text(row, "CustomerOrderId").map(coid::equals).orElse(true))
        .max(Comparator.comparing((JsonNode row) -> Nodes.text(row, "OrderCreateDate", "OrderDate", "LastModifiedDate",
            "lastModifiedDate").orElse("")))
        .<Lookup>map(row -> new Found(Nodes.text(row, "OrderId").orElseThrow(),
            Nodes.text(row, "ProcessingStatus", "OrderStatus", "Status").orElse("RECEIVED")))
        .orElse(new NotFoundOrder());
  }

  private static void collectOrders(JsonNode node, List<JsonNode> rows) {
    if (node.isArray()) {
      node.forEach(n -> collectOrders(n, rows));
    } else if (node.isObject()) {
      if (Nodes.text(node, "OrderId").isPresent()) {
        rows.add(node);
        return;
      }
      node.forEach(n -> collectOrders(n, rows));
    }
  }

  private HttpOutcome send(String method, URI uri, byte[] body) {
    return ctx.transport().send(method, uri, body, "application/xml");
  }

  private List<String> scrubbed(List<Failures.CarrierError> errors) {
    return errors.stream().map(e -> ctx.transport().scrub(e.toString())).toList();
  }
}
