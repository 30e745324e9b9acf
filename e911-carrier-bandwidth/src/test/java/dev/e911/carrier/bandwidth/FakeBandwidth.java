package dev.e911.carrier.bandwidth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.e911.api.address.DispatchableAddress;
import dev.e911.api.spi.BindingKey;
import dev.e911.api.spi.Secret;
import dev.e911.carrier.bandwidth.internal.BandwidthAddressMapping;
import dev.e911.carrier.bandwidth.internal.BandwidthIds;
import dev.e911.carrier.bandwidth.internal.Nodes;
import dev.e911.carrier.bandwidth.internal.Payloads;
import dev.e911.testkit.carrier.CarrierFake;
import dev.e911.testkit.carrier.Fault;
import dev.e911.testkit.http.RecordedRequest;
import dev.e911.testkit.http.StubHttpServer;
import dev.e911.testkit.http.StubResponse;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;

/**
 * A stateful loopback fake of Bandwidth on {@link StubHttpServer}, in the documented shapes of either
 * surface: (A) Dashboard XML — {@code geocodeRequest} (200 / 409 with {@code GeocodedAddress} / 400
 * 12110), {@code e911s} orders progressing RECEIVED → PROCESSING → COMPLETE over polls (or
 * ADJUSTED_COMPLETE, FAILED with an {@code ErrorList}), the {@code customerOrderId} look-up,
 * {@code /tns/{tn}/e911}, {@code aeuis/{id}}; (C) ES JSON — {@code addresses}, {@code endpoints},
 * {@code orders/{id}/details}, {@code ?region=} required, {@code {"errors":[...]}}. It checks Basic
 * credentials, injects {@link Fault}s, and counts every state-changing write (DLR endpoint bindings take
 * two orders: location pool, then AEUI; an ES binding of a new address takes two: the address record,
 * then the endpoints order). {@link Fault#APPLY_THEN_HANG} meets the next write, since a read has no
 * change to apply; every other fault meets the next request of any kind. An ES endpoint counts as
 * {@linkplain #provisioned provisioned} once its order completed ({@code SUCCESS}), not while it is
 * {@code INPROGRESS}. Element names are Bandwidth's; the
 * documents are composed from them (and vary the case, {@code orderId}, as Bandwidth's examples do).
 */
final class FakeBandwidth implements CarrierFake {

  static final String ACCOUNT = "9900123";
  static final String USERNAME = "e911-api-user-7f3a";
  static final String PASSWORD = "pw-Q9x!r8V2-never-print";

  private final StubHttpServer server = StubHttpServer.start();
  private final BandwidthConfig.Mode mode;
  private final Payloads payloads = new Payloads(1 << 20);
  private final List<String> received = new CopyOnWriteArrayList<>();
  private final Duration hang;

  // all state below guarded by this
  private final Map<String, Map<String, String>> known = new HashMap<>();
  private final Map<String, Map<String, String>> corrections = new HashMap<>();
  private final Map<String, Tn> tns = new HashMap<>();
  private final Map<String, Map<String, String>> pool = new HashMap<>();
  private final Map<String, Aeui> aeuis = new HashMap<>();
  private final Map<String, Order> orders = new LinkedHashMap<>();
  private final Map<String, EsAddress> esAddresses = new HashMap<>();
  private final Map<String, EsEndpoint> esEndpoints = new HashMap<>();
  private final Map<String, Order> endpointOrders = new HashMap<>();
  private final Deque<Optional<Fault>> faults = new ArrayDeque<>();
  private int writeOrders;
  private int gatewayTimeouts;
  private boolean applyBehindGateway;
  private int nextOrder = 1;
  /** Polls an order answers with a non-final status before it completes (0 = complete in the POST answer). */
  private int pollsUntilFinal = 2;
  private int esUnvalidatedPolls;
  private UnaryOperator<Map<String, String>> adjustNext;
  private String failNextOrderCode;

  record Tn(Map<String, String> address, String callerName) {}

  record Aeui(String callback, String callerName, String locationId) {}

  record EsAddress(ObjectNode record, int unvalidatedPolls) {}

  record EsEndpoint(String phone, String name, String addressId, String status) {}

  private static final class Order {
    final String id;
    final String customerOrderId;
    final JsonNode payload;
    final Runnable effect;
    String status = "RECEIVED";
    int pollsLeft;
    boolean adjusted;
    String errorCode;

    Order(String id, String customerOrderId, JsonNode payload, Runnable effect, int polls) {
      this.id = id;
      this.customerOrderId = customerOrderId;
      this.payload = payload;
      this.effect = effect;
      this.pollsLeft = polls;
    }
  }

  FakeBandwidth(BandwidthConfig.Mode mode, Duration hang) {
    this.mode = mode;
    this.hang = hang;
    for (String method : List.of("GET", "POST", "PUT", "PATCH", "DELETE")) {
      server.on(method, "/**").respondWith(this::handle);
    }
  }

  FakeBandwidth(BandwidthConfig.Mode mode) {
    this(mode, Duration.ofMillis(1500));
  }

  StubHttpServer server() {
    return server;
  }

  /** A configuration pointing at this fake with test-sized timeouts. */
  BandwidthConfig.Builder config(Duration attemptTimeout) {
    URI base = server.uri(mode == BandwidthConfig.Mode.ES ? "/api/v2" : "/api");
    return BandwidthConfig.builder(mode)
        .baseUrl(base)
        .accountId(ACCOUNT)
        .basic(Secret.of(USERNAME), Secret.of(PASSWORD))
        .attemptTimeout(attemptTimeout)
        .connectTimeout(Duration.ofSeconds(2))
        .maxAttempts(3)
        .retryInitialBackoff(Duration.ofMillis(10))
        .retryMaxBackoff(Duration.ofMillis(100))
        .pollInitialDelay(Duration.ofSeconds(1))
        .pollMaxDelay(Duration.ofSeconds(8))
        .pollMaxWait(Duration.ofSeconds(60));
  }

  /** An adapter on this fake whose waits are all virtual. */
  BandwidthCarrier adapter(TestTime time) {
    return adapter(time, config(Duration.ofMillis(800)).build());
  }

  BandwidthCarrier adapter(TestTime time, BandwidthConfig config) {
    return BandwidthCarrier.builder(config).clock(time).sleeper(time).build();
  }

  // ------------------------------------------------------------------ knobs

  synchronized void pollsUntilFinal(int polls) {
    this.pollsUntilFinal = polls;
  }

  /** The next order's address is adjusted by the carrier (ADJUSTED_COMPLETE with {@code Adjusted=true}). */
  synchronized void adjustNextOrder(UnaryOperator<Map<String, String>> adjust) {
    this.adjustNext = adjust;
  }

  /** The next order ends FAILED with this error code (8033 also applies the competing order's identical change). */
  synchronized void failNextOrder(String code) {
    this.failNextOrderCode = code;
  }

  /** The next write (POST/PATCH) is answered 504 by a "gateway", after being applied or not. */
  synchronized void gatewayTimeoutOnNextWrite(boolean applied) {
    this.gatewayTimeouts = 1;
    this.applyBehindGateway = applied;
  }

  synchronized void esUnvalidatedPolls(int polls) {
    this.esUnvalidatedPolls = polls;
  }

  synchronized int orderCount() {
    return orders.size();
  }

  synchronized Map<String, String> poolEntry(String locationId) {
    return pool.get(locationId);
  }

  synchronized Set<String> poolIds() {
    return Set.copyOf(pool.keySet());
  }

  // ------------------------------------------------------------------ CarrierFake

  @Override
  public synchronized void knowAddress(DispatchableAddress address) {
    Map<String, String> f = BandwidthAddressMapping.toDashboard(address);
    known.put(canonical(f), f);
  }

  @Override
  public synchronized void correct(DispatchableAddress input, DispatchableAddress suggestion) {
    corrections.put(canonical(BandwidthAddressMapping.toDashboard(input)), BandwidthAddressMapping.toDashboard(suggestion));
  }

  @Override
  public synchronized void failNext(Fault fault, int times) {
    for (int i = 0; i < times; i++) {
      faults.add(Optional.of(fault));
    }
  }

  /** The next {@code passes} requests are served normally, the one after meets {@code fault}. */
  synchronized void failNextAfter(int passes, Fault fault) {
    for (int i = 0; i < passes; i++) {
      faults.add(Optional.empty());
    }
    faults.add(Optional.of(fault));
  }

  @Override
  public synchronized Optional<DispatchableAddress> provisioned(BindingKey key) {
    if (mode == BandwidthConfig.Mode.ES) {
      EsEndpoint ep = esEndpoints.get(BandwidthIds.esEndpointId(key));
      if (ep == null || !ep.status().equals("SUCCESS")) {
        return Optional.empty(); // an endpoint still INPROGRESS (or in ERROR) routes no 911 call yet
      }
      return Optional.of(BandwidthAddressMapping.fromEs(esAddresses.get(ep.addressId()).record(), Optional.empty()));
    }
    Map<String, String> fields;
    if (key.type() == BindingKey.Type.NUMBER) {
      Tn tn = tns.get(BandwidthIds.tn10(key.value(), "tn"));
      fields = tn == null ? null : tn.address();
    } else {
      Aeui a = aeuis.get(BandwidthIds.aeuiIdentifier(key.value()));
      fields = a == null ? null : pool.get(a.locationId());
    }
    return fields == null ? Optional.empty() : Optional.of(BandwidthAddressMapping.fromDashboard(node(fields), Optional.empty()));
  }

  @Override
  public synchronized int bindingCount(BindingKey key) {
    if (mode == BandwidthConfig.Mode.ES) {
      return esEndpoints.containsKey(BandwidthIds.esEndpointId(key)) ? 1 : 0;
    }
    if (key.type() == BindingKey.Type.NUMBER) {
      return tns.containsKey(BandwidthIds.tn10(key.value(), "tn")) ? 1 : 0;
    }
    return aeuis.containsKey(BandwidthIds.aeuiIdentifier(key.value())) ? 1 : 0;
  }

  @Override
  public synchronized int writeOrders() {
    return writeOrders;
  }

  /** Bandwidth finishes open orders on its own; here they finish when the kit asks (or when polled). */
  @Override
  public synchronized void settlePendingWork() {
    for (Order o : List.copyOf(orders.values())) {
      if (o.status.equals("RECEIVED") || o.status.equals("PROCESSING")) {
        if (mode == BandwidthConfig.Mode.ES) {
          completeEs(o);
        } else {
          complete(o);
        }
      }
    }
    esAddresses.replaceAll((id, a) -> new EsAddress(a.record(), 0));
  }

  @Override
  public List<String> receivedRequests() {
    return List.copyOf(received);
  }

  @Override
  public Set<String> secrets() {
    return Set.of(USERNAME, PASSWORD);
  }

  @Override
  public void close() {
    server.close();
  }

  // ------------------------------------------------------------------ HTTP

  private StubResponse handle(RecordedRequest r) {
    received.add(r.target() + "\n" + r.headers() + "\n" + r.bodyUtf8());
    Fault fault;
    synchronized (this) {
      if (gatewayTimeouts > 0 && (r.method().equals("POST") || r.method().equals("PATCH"))
          && !r.path().endsWith("/geocodeRequest") && !r.path().endsWith("/addresses")) {
        gatewayTimeouts--;
        if (applyBehindGateway) {
          route(r);
        }
        return StubResponse.text(504, "upstream timed out");
      }
      Optional<Fault> next = faults.peek();
      if (next != null && next.equals(Optional.of(Fault.APPLY_THEN_HANG)) && !isWrite(r)) {
        // a lost answer to a change: a read has no change to apply, so reads before the write pass
        fault = null;
      } else {
        faults.poll();
        fault = next == null ? null : next.orElse(null);
      }
    }
    boolean json = mode == BandwidthConfig.Mode.ES;
    if (fault != null) {
      switch (fault) {
        case RATE_LIMITED:
          return json ? StubResponse.json(429, "{\"errors\":[{\"type\":\"rate-limiting\",\"code\":\"32002\","
              + "\"description\":\"Too many requests; wait for the Retry-After time\"}]}").header("Retry-After", "1")
              : StubResponse.tooManyRequests("1");
        case SERVER_ERROR:
          return json ? StubResponse.json(503, "{\"errors\":[{\"type\":\"internal-server-error\",\"description\":\"unavailable\"}]}")
              : StubResponse.xml(503, "<ResponseStatus><ErrorCode>12109</ErrorCode><Description>Geocoding service "
                  + "temporarily unavailable</Description></ResponseStatus>");
        case HANG:
          return StubResponse.dropConnection().delayHeaders(hang);
        case MALFORMED:
          return json ? StubResponse.okJson("{\"orderId\": [unclosed") : StubResponse.xml(200, "<E911Order><OrderId>x</Order");
        case UNAUTHORIZED:
          return unauthorized(json);
        case APPLY_THEN_HANG:
          route(r);
          return StubResponse.dropConnection().delayHeaders(hang);
        default:
          throw new AssertionError(fault);
      }
    }
    String expected = "Basic " + Base64.getEncoder().encodeToString((USERNAME + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    if (!r.header("Authorization").map(expected::equals).orElse(false)) {
      return unauthorized(json);
    }
    return route(r);
  }

  /** A request that changes what the carrier holds: an {@code e911s} order, an ES address record or endpoint write. */
  private static boolean isWrite(RecordedRequest r) {
    return !r.method().equals("GET") && !r.path().endsWith("/geocodeRequest");
  }

  private static StubResponse unauthorized(boolean json) {
    return json ? StubResponse.json(401, "{\"errors\":[{\"type\":\"authentication-credentials\",\"description\":\"Unauthorized\"}]}")
        : StubResponse.xml(401, "<ResponseStatus><Description>Unauthorized</Description></ResponseStatus>");
  }

  private synchronized StubResponse route(RecordedRequest r) {
    String p = r.path();
    String acct = "/api/accounts/" + ACCOUNT;
    if (mode == BandwidthConfig.Mode.ES) {
      String es = "/api/v2/accounts/" + ACCOUNT + "/emergency";
      if (!p.startsWith(es + "/")) {
        return esError(404, "resource-not-found", "", "no such resource");
      }
      if (r.queryParameter("region").isEmpty()) {
        return esError(400, "bad-request", "", "region is required");
      }
      return routeEs(r, p.substring(es.length()));
    }
    if (p.equals(acct + "/geocodeRequest") && r.method().equals("POST")) {
      return geocode(r);
    }
    if (p.equals(acct + "/e911s") && r.method().equals("POST")) {
      return postOrder(r);
    }
    if (p.equals(acct + "/e911s") && r.method().equals("GET")) {
      return listOrders(r.queryParameter("customerOrderId").orElse(""));
    }
    if (p.startsWith(acct + "/e911s/") && r.method().equals("GET")) {
      return getOrder(p.substring((acct + "/e911s/").length()));
    }
    if (p.startsWith("/api/tns/") && p.endsWith("/e911") && r.method().equals("GET")) {
      String tn = p.substring("/api/tns/".length(), p.length() - "/e911".length());
      Tn held = tns.get(tn);
      if (held == null) {
        return notFound();
      }
      ObjectNode root = payloads.object();
      root.set("Address", node(held.address()));
      return xml(200, "TnE911AddressResponse", root);
    }
    if (p.startsWith(acct + "/aeuis/") && r.method().equals("GET")) {
      Aeui a = aeuis.get(p.substring((acct + "/aeuis/").length()));
      if (a == null) {
        return StubResponse.xml(404, "<AlternateEndUserIdentifierResponse><ResponseStatus><ErrorCode>12087</ErrorCode>"
            + "<Description>No AEUIs found</Description></ResponseStatus></AlternateEndUserIdentifierResponse>");
      }
      ObjectNode root = payloads.object();
      ObjectNode aeui = root.putObject("AlternateEndUserIdentifier");
      aeui.put("Identifier", p.substring((acct + "/aeuis/").length()));
      aeui.put("CallbackNumber", a.callback());
      ObjectNode e911 = aeui.putObject("E911");
      e911.put("CallerName", a.callerName());
      ObjectNode addr = e911.putObject("Address");
      addr.put("LocationId", a.locationId());
      pool.getOrDefault(a.locationId(), Map.of()).forEach(addr::put);
      return xml(200, "AlternateEndUserIdentifierResponse", root);
    }
    return notFound();
  }

  private StubResponse notFound() {
    return StubResponse.xml(404, "<ResponseStatus><Description>The resource does not exist</Description></ResponseStatus>");
  }

  private StubResponse geocode(RecordedRequest r) {
    Map<String, String> in = fields(payloads.readXml(r.body()));
    String key = canonical(in);
    ObjectNode root = payloads.object();
    Map<String, String> suggestion = corrections.get(key);
    if (suggestion != null) {
      root.put("ErrorMessage", "Some adjustments are required to the address. Street Name : \"" + in.get("StreetName")
          + "\" Valid value - \"" + suggestion.get("StreetName") + "\"");
      root.set("GeocodedAddress", geocodedNode(suggestion));
      root.set("RequestAddress", node(in));
      return xml(409, "GeocodeRequestResponse", root);
    }
    Map<String, String> hit = known.get(key);
    if (hit != null) {
      root.set("GeocodedAddress", geocodedNode(hit));
      root.set("RequestAddress", node(in));
      return xml(200, "GeocodeRequestResponse", root);
    }
    return StubResponse.xml(400, "<GeocodeRequestResponse><ResponseStatus><ErrorCode>12110</ErrorCode><Description>"
        + "The address could not be geocoded</Description></ResponseStatus></GeocodeRequestResponse>");
  }

  private ObjectNode geocodedNode(Map<String, String> f) {
    ObjectNode n = node(f);
    n.put("AddressLine1", String.join(" ", List.of(f.getOrDefault("HouseNumber", ""), f.getOrDefault("PreDirectional", ""),
        f.getOrDefault("StreetName", ""), f.getOrDefault("StreetSuffix", ""))).replaceAll("\\s+", " ").strip());
    return n;
  }

  private StubResponse postOrder(RecordedRequest r) {
    JsonNode order = payloads.readXml(r.body());
    String coid = Nodes.text(order, "CustomerOrderId").orElse("");
    boolean delete = Nodes.text(order, "DeleteTNSpecificE911Address").map("true"::equalsIgnoreCase).orElse(false);
    List<Runnable> effects = new ArrayList<>();
    for (JsonNode tnNode : Nodes.children(Nodes.child(order, "TelephoneNumbers").orElse(null), "TelephoneNumber")) {
      String tn = tnNode.asText();
      if (!tn.matches("[0-9]{10}")) {
        return StubResponse.xml(400, "<E911OrderResponse><ResponseStatus><ErrorCode>5070</ErrorCode><Description>"
            + "Telephone number is invalid.</Description></ResponseStatus></E911OrderResponse>");
      }
      if (delete) {
        effects.add(() -> tns.remove(tn));
      } else {
        Map<String, String> address = fields(Nodes.child(order, "Address").orElseThrow());
        String callerName = Nodes.text(order, "CallerName").orElse("");
        effects.add(() -> tns.put(tn, new Tn(address, callerName)));
      }
    }
    for (JsonNode a : Nodes.children(Nodes.child(order, "AdditionalAddresses").orElse(null), "Address")) {
      String id = Nodes.text(a, "LocationId").orElseThrow();
      Map<String, String> f = fields(a);
      effects.add(delete ? () -> pool.remove(id) : () -> pool.put(id, f));
    }
    for (JsonNode a : Nodes.children(Nodes.child(order, "AlternateEndUserIdentifiers").orElse(null),
        "AlternateEndUserIdentifier")) {
      String id = Nodes.text(a, "Identifier").orElseThrow();
      if (delete) {
        effects.add(() -> aeuis.remove(id));
      } else {
        Aeui aeui = new Aeui(Nodes.text(a, "CallbackNumber").orElse(""), Nodes.text(a, "CallerName").orElse(""),
            Nodes.text(a, "LocationId").orElse(""));
        effects.add(() -> {
          if (!pool.containsKey(aeui.locationId())) {
            throw new IllegalStateException("LocationId not in the pool");
          }
          aeuis.put(id, aeui);
        });
      }
    }
    writeOrders++;
    String id = String.format(Locale.ROOT, "0c1d%04x-e911-4f00-8000-%012d", nextOrder, nextOrder);
    nextOrder++;
    Order o = new Order(id, coid, order, () -> effects.forEach(Runnable::run), pollsUntilFinal);
    if (adjustNext != null) {
      UnaryOperator<Map<String, String>> adjust = adjustNext;
      adjustNext = null;
      o.adjusted = true;
      Runnable plain = o.effect;
      Order adjusted = new Order(id, coid, order, () -> {
        plain.run();
        tns.replaceAll((k, v) -> new Tn(adjust.apply(v.address()), v.callerName()));
        pool.replaceAll((k, v) -> adjust.apply(v));
      }, pollsUntilFinal);
      adjusted.adjusted = true;
      o = adjusted;
    }
    if (failNextOrderCode != null) {
      o.errorCode = failNextOrderCode;
      failNextOrderCode = null;
    }
    orders.put(id, o);
    if (o.pollsLeft == 0) {
      complete(o);
    }
    ObjectNode root = payloads.object();
    root.set("E911Order", orderNode(o));
    return xml(201, "E911OrderResponse", root);
  }

  private void complete(Order o) {
    if (o.errorCode != null) {
      o.status = "FAILED";
      if (o.errorCode.equals("8033")) {
        o.effect.run(); // the competing order carried the same change and won
      }
      return;
    }
    try {
      o.effect.run();
      o.status = o.adjusted ? "ADJUSTED_COMPLETE" : "COMPLETE";
    } catch (IllegalStateException e) {
      o.status = "FAILED";
      o.errorCode = "12087";
    }
  }

  private StubResponse getOrder(String id) {
    Order o = orders.get(id);
    if (o == null) {
      return notFound();
    }
    if (o.status.equals("RECEIVED") || o.status.equals("PROCESSING")) {
      o.pollsLeft--;
      if (o.pollsLeft <= 0) {
        complete(o);
      } else {
        o.status = "PROCESSING";
      }
    }
    return xml(200, "E911Order", orderNode(o));
  }

  private ObjectNode orderNode(Order o) {
    ObjectNode n = ((ObjectNode) o.payload).deepCopy();
    n.put("OrderId", o.id);
    n.put("AccountId", ACCOUNT);
    n.put("OrderCreateDate", "2026-11-25T16:00:0" + (o.id.hashCode() & 7) + "Z");
    n.put("ProcessingStatus", o.status);
    n.put("OrderType", "e911");
    JsonNode adds = n.get("AdditionalAddresses");
    if (adds != null && adds.get("Address") != null && adds.get("Address").isObject() && !o.status.equals("RECEIVED")) {
      ((ObjectNode) adds.get("Address")).put("ValidationStatus", "VALID");
      ((ObjectNode) adds.get("Address")).put("Adjusted", Boolean.toString(o.adjusted));
    }
    if (o.status.equals("FAILED")) {
      ObjectNode err = n.putObject("ErrorList").putObject("Error");
      err.put("Code", o.errorCode);
      err.put("Description", o.errorCode.equals("8033") ? "Duplicate of a competing E911 order" : "Order item failed");
    } else {
      n.put("ErrorList", "");
    }
    return n;
  }

  private StubResponse listOrders(String coid) {
    ObjectNode root = payloads.object();
    ObjectNode list = root.putObject("ListOrderIdUserIdDate");
    ArrayNode rows = list.putArray("OrderIdUserIdDate");
    for (Order o : orders.values()) {
      if (o.customerOrderId.equals(coid)) {
        ObjectNode row = rows.addObject();
        row.put("CustomerOrderId", o.customerOrderId);
        row.put("orderId", o.id);
        row.put("OrderStatus", o.status);
        row.put("OrderType", "e911");
      }
    }
    list.put("TotalCount", rows.size());
    return xml(200, "ResponseSelectWrapper", root);
  }

  // ------------------------------------------------------------------ ES

  private StubResponse routeEs(RecordedRequest r, String p) {
    String m = r.method();
    if (p.equals("/addresses") && m.equals("POST")) {
      JsonNode in = payloads.readJson(r.body());
      String id = Nodes.text(in, "id").orElseThrow();
      if (esAddresses.containsKey(id)) {
        return esError(409, "bad-request", "", "an address with this id exists");
      }
      ObjectNode rec = esRecord(in);
      esAddresses.put(id, new EsAddress(rec, esUnvalidatedPolls));
      writeOrders++; // a record the carrier now holds, bound or not
      return StubResponse.json(201, esView(id).toString());
    }
    if (p.startsWith("/addresses/") && m.equals("GET")) {
      String id = p.substring("/addresses/".length());
      EsAddress a = esAddresses.get(id);
      if (a == null) {
        return esError(404, "resource-not-found", "", "no such address");
      }
      if (a.unvalidatedPolls() > 0) {
        esAddresses.put(id, new EsAddress(a.record(), a.unvalidatedPolls() - 1));
      }
      return StubResponse.okJson(esView(id).toString());
    }
    if (p.startsWith("/endpoints/") && m.equals("GET")) {
      Order pending = endpointOrders.get(p.substring("/endpoints/".length()));
      if (pending != null) {
        tickEs(pending); // orders progress on their own; reading the endpoint watches that happen
      }
      EsEndpoint ep = esEndpoints.get(p.substring("/endpoints/".length()));
      if (ep == null) {
        return esError(404, "resource-not-found", "", "no such endpoint");
      }
      ObjectNode n = payloads.object();
      n.put("id", p.substring("/endpoints/".length()));
      n.put("phoneNumber", ep.phone());
      n.put("name", ep.name());
      n.put("addressId", ep.addressId());
      n.put("status", ep.status());
      return StubResponse.okJson(n.toString());
    }
    if (p.equals("/endpoints") && m.equals("POST")) {
      JsonNode in = payloads.readJson(r.body());
      List<Runnable> effects = new ArrayList<>();
      List<String> ids = new ArrayList<>();
      for (JsonNode ep : in.get("endpoints")) {
        String id = ep.get("id").asText();
        String addressId = ep.get("addressId").asText();
        if (!esAddresses.containsKey(addressId)) {
          return esError(400, "bad-request", "40004", "addressId does not exist");
        }
        ids.add(id);
        // the endpoint exists at once, INPROGRESS until its order completes
        esEndpoints.put(id, new EsEndpoint(ep.get("phoneNumber").asText(), ep.path("name").asText(), addressId, "INPROGRESS"));
        effects.add(() -> esEndpoints.computeIfPresent(id, (k, e) -> new EsEndpoint(e.phone(), e.name(), e.addressId(), "SUCCESS")));
      }
      return esOrder("ADD_ENDPOINTS", ids, effects);
    }
    if (p.startsWith("/endpoints/") && m.equals("PATCH")) {
      String id = p.substring("/endpoints/".length());
      JsonNode in = payloads.readJson(r.body());
      String addressId = in.get("endpoints").get(0).get("addressId").asText();
      EsEndpoint old = esEndpoints.get(id);
      if (old == null) {
        return esError(404, "resource-not-found", "", "no such endpoint");
      }
      esEndpoints.put(id, new EsEndpoint(old.phone(), old.name(), addressId, "INPROGRESS"));
      return esOrder("UPDATE_ENDPOINTS", List.of(id),
          List.of(() -> esEndpoints.computeIfPresent(id, (k, e) -> new EsEndpoint(e.phone(), e.name(), e.addressId(), "SUCCESS"))));
    }
    if (p.startsWith("/endpoints/") && m.equals("DELETE")) {
      String id = p.substring("/endpoints/".length());
      if (!esEndpoints.containsKey(id)) {
        return esError(404, "resource-not-found", "", "no such endpoint");
      }
      esEndpoints.remove(id);
      return esOrder("DELETE_ENDPOINTS", List.of(id), List.of());
    }
    if (p.startsWith("/orders/") && p.endsWith("/details") && m.equals("GET")) {
      Order o = orders.get(p.substring("/orders/".length(), p.length() - "/details".length()));
      if (o == null) {
        return esError(404, "resource-not-found", "", "no such order");
      }
      tickEs(o);
      return StubResponse.okJson(esOrderView(o).toString());
    }
    return esError(404, "resource-not-found", "", "no such resource");
  }

  private StubResponse esOrder(String type, List<String> ids, List<Runnable> effects) {
    writeOrders++;
    String id = String.format(Locale.ROOT, "es-order-%04d", nextOrder++);
    ObjectNode payload = payloads.object();
    payload.put("orderType", type);
    ArrayNode idList = payload.putArray("endpointIds");
    ids.forEach(idList::add);
    Order o = new Order(id, "", payload, () -> effects.forEach(Runnable::run), pollsUntilFinal);
    if (failNextOrderCode != null) {
      o.errorCode = failNextOrderCode;
      failNextOrderCode = null;
    }
    orders.put(id, o);
    for (String endpointId : ids) {
      endpointOrders.put(endpointId, o);
    }
    if (o.pollsLeft == 0) {
      completeEs(o);
    }
    ObjectNode n = payloads.object();
    n.put("orderId", id);
    n.put("orderType", type);
    n.put("orderStatus", o.status);
    n.put("acceptedCount", ids.size());
    n.put("invalidCount", 0);
    n.put("totalNumber", ids.size());
    return StubResponse.json(202, n.toString());
  }

  private void tickEs(Order o) {
    if (o.status.equals("RECEIVED") || o.status.equals("PROCESSING")) {
      o.pollsLeft--;
      if (o.pollsLeft <= 0) {
        completeEs(o);
      } else {
        o.status = "PROCESSING";
      }
    }
  }

  private void completeEs(Order o) {
    if (o.errorCode != null) {
      o.status = "FAILED";
      for (JsonNode id : o.payload.get("endpointIds")) {
        esEndpoints.computeIfPresent(id.asText(), (k, e) -> new EsEndpoint(e.phone(), e.name(), e.addressId(), "ERROR"));
      }
      return;
    }
    o.effect.run();
    o.status = "COMPLETED";
  }

  private ObjectNode esOrderView(Order o) {
    ObjectNode n = payloads.object();
    n.put("orderId", o.id);
    n.put("orderStatus", o.status);
    ArrayNode details = n.putArray("details");
    for (JsonNode id : o.payload.get("endpointIds")) {
      ObjectNode d = details.addObject();
      d.put("endpointId", id.asText());
      if (o.status.equals("FAILED")) {
        d.put("status", "ERROR");
        d.put("errorCode", o.errorCode);
        d.put("error", "endpoint could not be provisioned");
      } else {
        d.put("status", o.status.equals("COMPLETED") ? "SUCCESS" : "INPROGRESS");
      }
    }
    return n;
  }

  private ObjectNode esRecord(JsonNode in) {
    ObjectNode rec = payloads.object();
    String id = in.get("id").asText();
    rec.put("id", id);
    String line1 = in.path("addressLine1").asText();
    Optional<Map<String, String>> hit = known.values().stream()
        .filter(f -> esLine1(f).equalsIgnoreCase(line1) && f.get("City").equalsIgnoreCase(in.path("city").asText())
            && f.get("StateCode").equalsIgnoreCase(in.path("state").asText()))
        .findFirst();
    rec.put("validationStatus", hit.isPresent() ? "VALID" : "INVALID");
    rec.put("address", line1 + ", " + in.path("city").asText() + ", " + in.path("state").asText());
    if (hit.isPresent()) {
      Map<String, String> f = hit.get();
      rec.put("houseNumber", f.get("HouseNumber"));
      if (f.containsKey("PreDirectional")) {
        rec.put("predirectional", f.get("PreDirectional"));
      }
      rec.put("streetName", f.get("StreetName"));
      if (f.containsKey("StreetSuffix")) {
        rec.put("streetSuffix", f.get("StreetSuffix"));
      }
      if (f.containsKey("PostDirectional")) {
        rec.put("postdirectional", f.get("PostDirectional"));
      }
      rec.put("city", f.get("City"));
      rec.put("state", f.get("StateCode"));
      rec.put("postalCode", f.get("Zip") + (f.containsKey("PlusFour") ? "-" + f.get("PlusFour") : ""));
      rec.put("country", f.get("Country"));
    } else {
      rec.put("city", in.path("city").asText());
      rec.put("state", in.path("state").asText());
      rec.put("postalCode", in.path("postalCode").asText());
      rec.put("country", in.path("country").asText());
    }
    if (in.hasNonNull("addressLine2")) {
      rec.put("addressLine2", in.get("addressLine2").asText());
    }
    rec.put("latitude", 27.9506);
    rec.put("longitude", -82.4572);
    rec.put("created", "2026-11-25T16:00:00Z");
    rec.put("updated", "2026-11-25T16:00:00Z");
    return rec;
  }

  private ObjectNode esView(String id) {
    EsAddress a = esAddresses.get(id);
    ObjectNode view = a.record().deepCopy();
    if (a.unvalidatedPolls() > 0) {
      view.put("validationStatus", "UNVALIDATED");
    }
    return view;
  }

  private static String esLine1(Map<String, String> f) {
    List<String> parts = new ArrayList<>();
    for (String k : List.of("HousePrefix", "HouseNumber", "HouseSuffix", "PreDirectional", "StreetName", "StreetSuffix",
        "PostDirectional")) {
      if (f.containsKey(k)) {
        parts.add(f.get(k));
      }
    }
    return String.join(" ", parts);
  }

  private StubResponse esError(int status, String type, String code, String description) {
    ObjectNode n = payloads.object();
    ObjectNode e = n.putArray("errors").addObject();
    e.put("id", "err-1");
    e.put("type", type);
    if (!code.isEmpty()) {
      e.put("code", code);
    }
    e.put("description", description);
    return StubResponse.json(status, n.toString());
  }

  // ------------------------------------------------------------------ helpers

  private StubResponse xml(int status, String root, ObjectNode node) {
    return StubResponse.xml(status, new String(payloads.writeXml(root, node), StandardCharsets.UTF_8));
  }

  private ObjectNode node(Map<String, String> fields) {
    ObjectNode n = payloads.object();
    fields.forEach(n::put);
    return n;
  }

  private static Map<String, String> fields(JsonNode address) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String f : BandwidthAddressMapping.DASHBOARD_FIELDS) {
      Nodes.text(address, f).ifPresent(v -> out.put(f, v.toUpperCase(Locale.ROOT)));
    }
    return out;
  }

  private static String canonical(Map<String, String> fields) {
    Map<String, String> f = new LinkedHashMap<>(fields);
    f.remove("PlusFour");
    f.remove("County");
    return BandwidthAddressMapping.locationId(f);
  }
}
