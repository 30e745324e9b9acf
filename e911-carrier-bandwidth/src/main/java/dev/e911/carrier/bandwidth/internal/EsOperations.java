package dev.e911.carrier.bandwidth.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.e911.api.address.AddressValidation;
import dev.e911.api.address.CivicElement;
import dev.e911.api.address.DispatchableAddress;
import dev.e911.api.spi.AddressValidationResult;
import dev.e911.api.spi.Binding;
import dev.e911.api.spi.BindingKey;
import dev.e911.api.spi.ProvisionedBinding;
import dev.e911.api.spi.ProvisioningResult;
import dev.e911.api.spi.ReadBackResult;
import dev.e911.api.spi.RemoteFailure;
import dev.e911.api.validation.InvalidValueException;
import dev.e911.carrier.bandwidth.BandwidthConfig;
import dev.e911.core.http.HttpOutcome;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Surface (C), the Unified Emergency Services Provisioning API (JSON), under
 * {@code {baseUrl}/accounts/{accountId}/emergency} with {@code ?region=} on every call. Validation
 * creates the address record ({@code POST /addresses}, id derived from the address, so a retry or a
 * later provisioning names the same record) and reads its {@code validationStatus}; provisioning binds
 * an endpoint (id = the number's digits, or the endpoint id) to that record with {@code POST /endpoints}
 * or re-points it with {@code PATCH /endpoints/{id}}, then follows {@code /orders/{id}/details};
 * removal is {@code DELETE /endpoints/{id}}. Natural keys make retries safe: after an uncertain POST the
 * record or endpoint is read back before anything is resent.
 *
 * <p><b>Unverified</b>: whether {@code POST /addresses} with an existing id answers 409 (handled: the
 * record is read); the shapes of {@code GET /endpoints/{id}} and {@code /orders/{id}/details} (read
 * tolerantly: a {@code data} wrapper, {@code addressId} or {@code address.id}, details under
 * {@code details}, {@code endpoints} or {@code data}); endpoint and address id syntax; no suggested
 * correction is documented, so ES validation never answers {@code Corrected}.
 */
public final class EsOperations implements Operations {

  private static final Logger LOG = LoggerFactory.getLogger(EsOperations.class);
  private static final Set<String> ORDER_FINAL = Set.of("COMPLETED", "COMPLETE", "PARTIAL", "FAILED");
  private static final int MAX_NAME = 50;

  private final Context ctx;
  private final URI root;
  private final String region;

  /** Operations on {@code {baseUrl}/accounts/{accountId}/emergency}. */
  public EsOperations(Context ctx) {
    this.ctx = ctx;
    this.root = Transport.uri(ctx.config().baseUrl(), List.of("accounts", ctx.config().accountId(), "emergency"));
    this.region = ctx.config().region().name();
  }

  private URI uri(String... segments) {
    return Transport.uri(root, List.of(segments), "region", region);
  }

  // ---------------------------------------------------------------- address records

  private sealed interface Rec permits Record, Refused, RecFailed {}

  private record Record(String id, JsonNode node, String status) implements Rec {}

  private record Refused(List<String> reasons) implements Rec {}

  private record RecFailed(RemoteFailure failure) implements Rec {}

  /** The address record for {@code address}, created if needed and waited on while UNVALIDATED (bounded). */
  private Rec addressRecord(DispatchableAddress address) {
    Map<String, String> fields;
    try {
      fields = BandwidthAddressMapping.toEs(address, ctx.config().region() == BandwidthConfig.Region.ROW);
    } catch (InvalidValueException e) {
      return new Refused(Context.reasons(e));
    }
    String id = "E911" + BandwidthAddressMapping.sha256Hex("es\n" + fields).substring(0, 28).toUpperCase(Locale.ROOT);
    ObjectNode body = ctx.payloads().object();
    body.put("id", id);
    body.put("description", "e911");
    fields.forEach(body::put);
    body.put("customerType", address.get(CivicElement.PLC).filter(p -> p.equalsIgnoreCase("residence")).isPresent()
        ? "RES" : "BUS");
    body.put("service", "ES");
    byte[] bytes = ctx.payloads().writeJson(body);
    HttpOutcome o = send("POST", uri("addresses"), bytes);
    if (Transport.isUncertainWrite(o)) {
      Rec existing = getAddress(id);
      if (!(existing instanceof RecFailed rf && rf.failure().kind() == RemoteFailure.Kind.NOT_FOUND)) {
        return settle(existing);
      }
      o = send("POST", uri("addresses"), bytes);
    }
    if (o instanceof HttpOutcome.Failure f) {
      return new RecFailed(ctx.failures().of(f));
    }
    HttpOutcome.Response r = (HttpOutcome.Response) o;
    if (r.isSuccessful()) {
      return settle(record(id, ctx.payloads().readJson(r.body())));
    }
    if (r.status() == 409) {
      LOG.debug("the ES address record exists already; reading it");
      return settle(getAddress(id));
    }
    if (r.status() == 400 || r.status() == 422) {
      List<String> reasons = scrubbed(ctx.failures().errors(r, true));
      return new Refused(reasons.isEmpty() ? List.of("Bandwidth refused the address (" + r.status() + ")") : reasons);
    }
    return new RecFailed(ctx.failures().of(r, true));
  }

  private Rec settle(Rec rec) {
    if (!(rec instanceof Record r) || !r.status().equals("UNVALIDATED")) {
      return rec;
    }
    Context.Backoff backoff = ctx.backoff();
    Rec current = rec;
    while (current instanceof Record cr && cr.status().equals("UNVALIDATED") && backoff.await().isPresent()) {
      Rec next = getAddress(cr.id());
      if (next instanceof RecFailed f && f.failure().retryable()) {
        continue;
      }
      current = next;
    }
    return current;
  }

  private Rec getAddress(String id) {
    HttpOutcome o = send("GET", uri("addresses", id), null);
    if (o instanceof HttpOutcome.Failure f) {
      return new RecFailed(ctx.failures().of(f));
    }
    HttpOutcome.Response r = (HttpOutcome.Response) o;
    if (!r.isSuccessful()) {
      return new RecFailed(ctx.failures().of(r, true));
    }
    return record(id, ctx.payloads().readJson(r.body()));
  }

  private static Record record(String id, JsonNode body) {
    JsonNode node = unwrap(body);
    return new Record(Nodes.text(node, "id").orElse(id), node,
        Nodes.text(node, "validationStatus").map(s -> s.toUpperCase(Locale.ROOT)).orElse("UNVALIDATED"));
  }

  private static JsonNode unwrap(JsonNode body) {
    return Nodes.child(body, "data").filter(JsonNode::isObject).orElse(body);
  }

  // ---------------------------------------------------------------- validation

  @Override
  public AddressValidationResult validate(DispatchableAddress address) {
    try {
      Rec rec = addressRecord(address);
      if (rec instanceof Refused ref) {
        return new AddressValidationResult.Rejected(ref.reasons());
      }
      if (rec instanceof RecFailed f) {
        return new AddressValidationResult.Failed(f.failure());
      }
      Record r = (Record) rec;
      return switch (r.status()) {
        case "VALID" -> new AddressValidationResult.Valid(BandwidthAddressMapping.fromEs(r.node(), Optional.of(address))
            .withValidation(new AddressValidation("bandwidth", ctx.clock().instant())));
        case "INVALID" -> new AddressValidationResult.Rejected(List.of("Bandwidth's validationStatus is INVALID"));
        default -> new AddressValidationResult.Failed(ctx.failures().of(RemoteFailure.Kind.TRANSIENT, 0, "",
            "Bandwidth has not validated the address within the wait (validationStatus " + r.status() + "); ask again later"));
      };
    } catch (MalformedPayloadException e) {
      return new AddressValidationResult.Failed(ctx.failures().malformed(0, e));
    }
  }

  // ---------------------------------------------------------------- provisioning

  @Override
  public ProvisioningResult provision(Binding binding) {
    BindingKey key = binding.key();
    try {
      String endpointId;
      String phone;
      if (binding instanceof Binding.NumberBinding n) {
        phone = n.number().e164();
      } else {
        phone = ((Binding.EndpointBinding) binding).callbackNumber().e164();
      }
      try {
        endpointId = BandwidthIds.esEndpointId(key);
      } catch (InvalidValueException e) {
        return new ProvisioningResult.Rejected(key, Context.reasons(e));
      }
      String name = binding.callerName().strip();
      if (name.length() > MAX_NAME) {
        return new ProvisioningResult.Rejected(key, List.of("name: must be at most " + MAX_NAME
            + " characters for Bandwidth [bandwidth.caller-name-length]"));
      }
      Rec rec = addressRecord(binding.address());
      if (rec instanceof Refused ref) {
        return new ProvisioningResult.Rejected(key, ref.reasons());
      }
      if (rec instanceof RecFailed f) {
        return new ProvisioningResult.Failed(key, f.failure());
      }
      Record address = (Record) rec;
      if (address.status().equals("INVALID")) {
        return new ProvisioningResult.Rejected(key, List.of("Bandwidth's validationStatus of the address is INVALID"));
      }
      if (!address.status().equals("VALID")) {
        return new ProvisioningResult.Pending(key, address.id(), "address " + address.status());
      }
      Endpoint current = endpoint(endpointId);
      if (current instanceof EndpointFailed f) {
        return new ProvisioningResult.Failed(key, f.failure());
      }
      if (current instanceof EndpointHeld h) {
        if (h.addressId().equals(address.id()) && (h.phone().isEmpty() || h.phone().equals(phone))) {
          if (h.status().equals("INPROGRESS")) {
            return followEndpoint(key, endpointId, address.id());
          }
          if (!h.status().equals("ERROR")) {
            return new ProvisioningResult.Done(key, "endpoint " + endpointId, false);
          }
        }
        ObjectNode patch = ctx.payloads().object();
        patch.put("action", "PROVISION");
        ObjectNode ep = patch.putArray("endpoints").addObject();
        ep.put("id", endpointId);
        ep.put("addressId", address.id());
        return order(key, "PATCH", uri("endpoints", endpointId), patch, endpointId, address.id(), false);
      }
      ObjectNode post = ctx.payloads().object();
      ObjectNode ep = post.putArray("endpoints").addObject();
      ep.put("id", endpointId);
      ep.put("phoneNumber", phone);
      ep.put("name", name);
      ep.put("lang", "en");
      ep.put("country", binding.address().country());
      ep.put("addressId", address.id());
      return order(key, "POST", uri("endpoints"), post, endpointId, address.id(), false);
    } catch (MalformedPayloadException e) {
      return new ProvisioningResult.Failed(key, ctx.failures().malformed(0, e));
    }
  }

  /** Sends an endpoint order and follows it; an uncertain write is settled by reading the endpoint (its id is ours). */
  private ProvisioningResult order(BindingKey key, String method, URI uri, ObjectNode body, String endpointId,
      String addressId, boolean removal) {
    byte[] bytes = body == null ? null : ctx.payloads().writeJson(body);
    HttpOutcome o = send(method, uri, bytes);
    if (!method.equals("DELETE") && Transport.isUncertainWrite(o)) {
      LOG.info("an ES endpoint order may have been applied unseen; reading the endpoint before resending");
      Endpoint now = endpoint(endpointId);
      if (removal && now instanceof EndpointNone) {
        return new ProvisioningResult.Done(key, "endpoint " + endpointId, true);
      }
      if (!removal && now instanceof EndpointHeld h && h.addressId().equals(addressId) && !h.status().equals("ERROR")) {
        return followEndpoint(key, endpointId, addressId);
      }
      if (now instanceof EndpointFailed ef) {
        return new ProvisioningResult.Failed(key, ef.failure());
      }
      o = send(method, uri, bytes);
    }
    if (o instanceof HttpOutcome.Failure f) {
      return new ProvisioningResult.Failed(key, ctx.failures().of(f));
    }
    HttpOutcome.Response r = (HttpOutcome.Response) o;
    if (removal && (r.status() == 404 || r.status() == 204)) {
      return new ProvisioningResult.Done(key, "endpoint " + endpointId, true);
    }
    if (r.status() == 400 || r.status() == 422) {
      List<String> reasons = scrubbed(ctx.failures().errors(r, true));
      return new ProvisioningResult.Rejected(key, reasons.isEmpty()
          ? List.of("Bandwidth refused the endpoint order (" + r.status() + ")") : reasons);
    }
    if (!r.isSuccessful()) {
      return new ProvisioningResult.Failed(key, ctx.failures().of(r, true));
    }
    if (r.bodyLength() == 0) {
      return new ProvisioningResult.Done(key, "endpoint " + endpointId, removal);
    }
    JsonNode answer = unwrap(ctx.payloads().readJson(r.body()));
    Optional<String> orderId = Nodes.text(answer, "orderId", "id");
    if (orderId.isEmpty()) {
      return new ProvisioningResult.Done(key, "endpoint " + endpointId, removal);
    }
    return follow(key, orderId.get(), Nodes.text(answer, "orderStatus").orElse("RECEIVED"), removal);
  }

  private ProvisioningResult follow(BindingKey key, String orderId, String status, boolean removal) {
    String last = status.toUpperCase(Locale.ROOT);
    Context.Backoff backoff = ctx.backoff();
    while (backoff.await().isPresent()) {
      HttpOutcome o = send("GET", uri("orders", orderId, "details"), null);
      RemoteFailure problem = null;
      if (o instanceof HttpOutcome.Failure f) {
        problem = ctx.failures().of(f);
      } else if (!((HttpOutcome.Response) o).isSuccessful()) {
        problem = ctx.failures().of((HttpOutcome.Response) o, true);
      }
      if (problem != null) {
        if (!problem.retryable()) {
          return new ProvisioningResult.Failed(key, problem);
        }
        continue;
      }
      JsonNode details = unwrap(ctx.payloads().readJson(((HttpOutcome.Response) o).body()));
      List<JsonNode> items = new ArrayList<>();
      JsonNode list = details.isArray() ? details
          : Nodes.child(details, "details", "endpoints", "data", "orderDetails").orElse(null);
      if (list != null) {
        for (JsonNode n : list.isArray() ? list : List.of(list)) {
          items.add(n);
        }
      }
      last = Nodes.text(details, "orderStatus", "status").map(s -> s.toUpperCase(Locale.ROOT)).orElse(last);
      List<String> errors = new ArrayList<>();
      boolean inProgress = false;
      for (JsonNode item : items) {
        String s = Nodes.text(item, "status").orElse("INPROGRESS").toUpperCase(Locale.ROOT);
        if (s.equals("ERROR")) {
          errors.add(ctx.transport().scrub(Nodes.text(item, "errorCode").map(c -> c + ": ").orElse("")
              + Nodes.text(item, "error").orElse("endpoint order item failed")));
        } else if (!s.equals("SUCCESS")) {
          inProgress = true;
        }
      }
      if (!errors.isEmpty() && !inProgress) {
        return new ProvisioningResult.Rejected(key, errors);
      }
      boolean allDone = !items.isEmpty() && !inProgress;
      if (ORDER_FINAL.contains(last) || allDone) {
        if (last.equals("FAILED") || last.equals("PARTIAL")) {
          return new ProvisioningResult.Rejected(key, errors.isEmpty() ? List.of("order " + orderId + " ended " + last) : errors);
        }
        return new ProvisioningResult.Done(key, orderId, removal);
      }
    }
    return new ProvisioningResult.Pending(key, orderId, last);
  }

  /**
   * Follows an endpoint whose order we could not see (its POST went unanswered, or an earlier call left
   * it INPROGRESS) by its own {@code status} until SUCCESS or ERROR, within the bounded wait.
   */
  private ProvisioningResult followEndpoint(BindingKey key, String endpointId, String addressId) {
    Context.Backoff backoff = ctx.backoff();
    String last = "INPROGRESS";
    do {
      Endpoint now = endpoint(endpointId);
      if (now instanceof EndpointFailed f) {
        if (!f.failure().retryable()) {
          return new ProvisioningResult.Failed(key, f.failure());
        }
        continue;
      }
      if (!(now instanceof EndpointHeld h) || !h.addressId().equals(addressId)) {
        return new ProvisioningResult.Failed(key, ctx.failures().of(RemoteFailure.Kind.CONFLICT, 0, "",
            "the endpoint changed while it was being provisioned; read back and retry"));
      }
      last = h.status();
      if (last.equals("ERROR")) {
        return new ProvisioningResult.Rejected(key, List.of("Bandwidth reports the endpoint's status as ERROR"));
      }
      if (!last.equals("INPROGRESS")) {
        return new ProvisioningResult.Done(key, "endpoint " + endpointId, false);
      }
    } while (backoff.await().isPresent());
    return new ProvisioningResult.Pending(key, "endpoint " + endpointId, last);
  }

  // ---------------------------------------------------------------- removal and read-back

  @Override
  public ProvisioningResult remove(BindingKey key) {
    try {
      String endpointId;
      try {
        endpointId = BandwidthIds.esEndpointId(key);
      } catch (InvalidValueException e) {
        return new ProvisioningResult.Rejected(key, Context.reasons(e));
      }
      Endpoint current = endpoint(endpointId);
      if (current instanceof EndpointFailed f) {
        return new ProvisioningResult.Failed(key, f.failure());
      }
      if (current instanceof EndpointNone) {
        return new ProvisioningResult.Done(key, "", true);
      }
      return order(key, "DELETE", uri("endpoints", endpointId), null, endpointId, "", true);
    } catch (MalformedPayloadException e) {
      return new ProvisioningResult.Failed(key, ctx.failures().malformed(0, e));
    }
  }

  @Override
  public ReadBackResult readBack(BindingKey key) {
    try {
      String endpointId;
      try {
        endpointId = BandwidthIds.esEndpointId(key);
      } catch (InvalidValueException e) {
        return new ReadBackResult.NotFound(key);
      }
      Endpoint current = endpoint(endpointId);
      if (current instanceof EndpointFailed f) {
        return new ReadBackResult.Failed(key, f.failure());
      }
      if (current instanceof EndpointNone) {
        return new ReadBackResult.NotFound(key);
      }
      EndpointHeld h = (EndpointHeld) current;
      Rec rec = getAddress(h.addressId());
      if (rec instanceof RecFailed f) {
        return new ReadBackResult.Failed(key, f.failure());
      }
      Record r = (Record) rec;
      return new ReadBackResult.Found(new ProvisionedBinding(key, BandwidthAddressMapping.fromEs(r.node(), Optional.empty()),
          "endpoint " + endpointId));
    } catch (MalformedPayloadException e) {
      return new ReadBackResult.Failed(key, ctx.failures().malformed(0, e));
    }
  }

  private sealed interface Endpoint permits EndpointHeld, EndpointNone, EndpointFailed {}

  private record EndpointHeld(String addressId, String phone, String status) implements Endpoint {}

  private record EndpointNone() implements Endpoint {}

  private record EndpointFailed(RemoteFailure failure) implements Endpoint {}

  private Endpoint endpoint(String endpointId) {
    HttpOutcome o = send("GET", uri("endpoints", endpointId), null);
    if (o instanceof HttpOutcome.Failure f) {
      return new EndpointFailed(ctx.failures().of(f));
    }
    HttpOutcome.Response r = (HttpOutcome.Response) o;
    if (r.status() == 404) {
      return new EndpointNone();
    }
    if (!r.isSuccessful()) {
      return new EndpointFailed(ctx.failures().of(r, true));
    }
    JsonNode ep = unwrap(ctx.payloads().readJson(r.body()));
    Optional<String> addressId = Nodes.text(ep, "addressId").or(() -> Nodes.path(ep, "address", "id").flatMap(Nodes::scalar));
    if (addressId.isEmpty()) {
      return new EndpointNone();
    }
    return new EndpointHeld(addressId.get(), Nodes.text(ep, "phoneNumber").orElse(""),
        Nodes.text(ep, "status").map(x -> x.toUpperCase(Locale.ROOT)).orElse("SUCCESS"));
  }

  private HttpOutcome send(String method, URI uri, byte[] body) {
    return ctx.transport().send(method, uri, body, "application/json");
  }

  private List<String> scrubbed(List<Failures.CarrierError> errors) {
    return errors.stream().map(e -> ctx.transport().scrub(e.toString())).toList();
  }
}
