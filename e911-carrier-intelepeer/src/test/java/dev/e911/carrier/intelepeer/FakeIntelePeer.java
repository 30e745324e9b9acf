package dev.e911.carrier.intelepeer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.e911.api.address.DispatchableAddress;
import dev.e911.api.spi.BindingKey;
import dev.e911.carrier.intelepeer.internal.IntelePeerAddressMapping;
import dev.e911.carrier.intelepeer.internal.WireAddress;
import dev.e911.testkit.carrier.CarrierFake;
import dev.e911.testkit.carrier.Fault;
import dev.e911.testkit.http.RecordedRequest;
import dev.e911.testkit.http.StubHttpServer;
import dev.e911.testkit.http.StubResponse;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A stateful fake of IntelePeer on a real loopback {@link StubHttpServer}, serving both the documented
 * v3 surface ({@code /_rest/v4/authenticate}, {@code POST|PUT|DELETE /_rest/v3/my/did/e911}, the DID
 * list) and the ASSUMED {@code /e911/v1/...} contract over one 911 database. It is deliberately as
 * unforgiving as the real carrier may be: a second v3 {@code POST} for a number creates a second
 * record (the duplicate-order danger of the reference), a v3 {@code PUT} for a number without E911 is
 * refused, and writes need the requester fields. As the kit's {@link CarrierFake#failNext} promises,
 * a fault meets the next requests of any kind, the authentication call included: a persistent
 * {@link Fault#UNAUTHORIZED} is an API user IntelePeer refuses. A token that dies while the login
 * still works (an expired token, a wrong {@code authorizationPrefix}) is {@link #refuseTokens(int)}.
 */
final class FakeIntelePeer implements CarrierFake {

  static final String USERNAME = "e911-adapter-test";
  static final String PASSWORD = "pw-Sup3r-s3cret-Value!";
  static final Duration HANG = Duration.ofMillis(1500);

  private static final ObjectMapper JSON = new ObjectMapper();

  /** One E911 record at the fake carrier. */
  record Rec(WireAddress address, String locationName, boolean dynamic, String callback, String callerName,
      boolean active) {}

  private record Answer(int status, String json) {}

  private final StubHttpServer server = StubHttpServer.start(12);
  private final Object lock = new Object();
  private final boolean bearer;
  private final Map<String, List<Rec>> records = new TreeMap<>();
  private final Map<WireAddress, DispatchableAddress> known = new HashMap<>();
  private final Map<WireAddress, DispatchableAddress> corrections = new HashMap<>();
  private final Set<String> tokens = new LinkedHashSet<>();
  private final Set<String> issued = new LinkedHashSet<>();
  private final Deque<Fault> faults = new ArrayDeque<>();
  private final Deque<Fault> writeFaults = new ArrayDeque<>();
  private int refusedTokenCalls;
  private final Map<String, Answer> idempotent = new HashMap<>();
  private final Map<String, String> heldOrders = new LinkedHashMap<>();
  private final Map<String, Map<String, String>> failedOrders = new HashMap<>();
  private final Set<String> otherNumbers = new LinkedHashSet<>();
  private int writeOrders;
  private int nextOrder = 5512093;
  private boolean strict;
  private boolean holdOrders;
  private boolean ignoreLike;
  private boolean malformedDidRows;
  private String failOrdersWith;

  /** A fake expecting {@code Authorization: <token>} ({@code bearer} false) or {@code Bearer <token>}. */
  FakeIntelePeer(boolean bearer) {
    this.bearer = bearer;
    for (String method : List.of("GET", "POST", "PUT", "DELETE")) {
      server.on(method, "/**").respondWith(this::handle);
    }
  }

  URI baseUri() {
    return server.baseUri();
  }

  StubHttpServer server() {
    return server;
  }

  /** Binds refused with 400 unless their address was made known. */
  void strictAddresses(boolean on) {
    synchronized (lock) {
      strict = on;
    }
  }

  /** ASSUMED orders stay PENDING until {@link #settlePendingWork()}. */
  void holdOrders(boolean on) {
    synchronized (lock) {
      holdOrders = on;
    }
  }

  /** ASSUMED orders fail with this error code. */
  void failOrdersWith(String errorCode) {
    synchronized (lock) {
      failOrdersWith = errorCode;
    }
  }

  /** The DID list ignores {@code like}, so the adapter must page. */
  void ignoreLikeFilter(boolean on) {
    synchronized (lock) {
      ignoreLike = on;
    }
  }

  /** DID rows without a number field. */
  void malformedDidRows(boolean on) {
    synchronized (lock) {
      malformedDidRows = on;
    }
  }

  /** Other numbers of the account that have E911 (fill the DID list). */
  void addOtherNumbersWithE911(int count) {
    synchronized (lock) {
      for (int i = 0; i < count; i++) {
        otherNumbers.add(String.format(java.util.Locale.ROOT, "21255%05d", i));
      }
    }
  }

  /** Seeds an active record, as if provisioned earlier through the portal. */
  void seed(String e164, DispatchableAddress address) {
    WireAddress w = IntelePeerAddressMapping.toWire(address);
    synchronized (lock) {
      known.putIfAbsent(w, address);
      records.computeIfAbsent(e164.substring(2), k -> new ArrayList<>()).add(new Rec(w, "SEEDED", false, "", "", true));
    }
  }

  /** Drops every record of a number, as if IntelePeer failed its order or someone removed E911 in the portal. */
  void forget(String e164) {
    synchronized (lock) {
      records.remove(e164.substring(2));
    }
  }

  /** The records the fake holds for a 10-digit number. */
  List<Rec> recordsOf(String number10) {
    synchronized (lock) {
      return List.copyOf(records.getOrDefault(number10, List.of()));
    }
  }

  /** Every token the fake issued. */
  Set<String> issuedTokens() {
    synchronized (lock) {
      return Set.copyOf(issued);
    }
  }

  List<RecordedRequest> requests(String method, String path) {
    return server.requests(method, path);
  }

  @Override
  public void knowAddress(DispatchableAddress address) {
    synchronized (lock) {
      known.put(IntelePeerAddressMapping.toWire(address), address);
    }
  }

  /**
   * Makes validating {@code input} suggest {@code suggestion}, answered in full as the carrier spells it:
   * a ZIP+4 stays {@code 94133-1234} in {@code zip} (the adapter's outbound mapping, which sends only
   * the five-digit ZIP, would otherwise hide whether the adapter reads back what the carrier suggests).
   */
  @Override
  public void correct(DispatchableAddress input, DispatchableAddress suggestion) {
    synchronized (lock) {
      corrections.put(IntelePeerAddressMapping.toWire(input), suggestion);
      known.put(IntelePeerAddressMapping.toWire(suggestion), suggestion);
    }
  }

  @Override
  public void failNext(Fault fault, int times) {
    synchronized (lock) {
      if (times <= 0) {
        faults.clear(); // as the reference fake: 0 clears what is still queued
      }
      for (int i = 0; i < times; i++) {
        faults.add(fault);
      }
    }
  }

  /**
   * The next {@code times} calls that carry a token (not the authentication call) answer 401 and
   * invalidate every token issued so far, while logging in keeps working: an expired token, or a
   * token sent in the wrong {@code Authorization} form.
   */
  void refuseTokens(int times) {
    synchronized (lock) {
      refusedTokenCalls += times;
    }
  }

  /** The next {@code times} write requests (POST/PUT/DELETE other than authentication) meet {@code fault}. */
  void failNextWrite(Fault fault, int times) {
    synchronized (lock) {
      for (int i = 0; i < times; i++) {
        writeFaults.add(fault);
      }
    }
  }

  @Override
  public Optional<DispatchableAddress> provisioned(BindingKey key) {
    String n = key.value().replaceAll("[^0-9]", "");
    n = n.length() == 11 ? n.substring(1) : n;
    synchronized (lock) {
      return records.getOrDefault(n, List.of()).stream().filter(Rec::active).findFirst()
          .map(r -> known.getOrDefault(r.address(), IntelePeerAddressMapping.fromWire(r.address())));
    }
  }

  @Override
  public int bindingCount(BindingKey key) {
    String n = key.value().replaceAll("[^0-9]", "");
    n = n.length() == 11 ? n.substring(1) : n;
    synchronized (lock) {
      return records.getOrDefault(n, List.of()).size();
    }
  }

  @Override
  public int writeOrders() {
    synchronized (lock) {
      return writeOrders;
    }
  }

  @Override
  public List<String> receivedRequests() {
    return server.requests().stream().map(r -> r.target() + "\n" + r.headers() + "\n" + r.bodyUtf8()).toList();
  }

  @Override
  public Set<String> secrets() {
    Set<String> s = new LinkedHashSet<>(issuedTokens());
    s.add(PASSWORD);
    s.add(USERNAME);
    return s;
  }

  /** Finishes every held order (the kit's {@code settlePendingWork}, once the kit's interface has it). */
  public void settlePendingWork() {
    synchronized (lock) {
      heldOrders.clear();
      records.replaceAll((n, list) -> list.stream().map(r -> new Rec(r.address(), r.locationName(), r.dynamic(),
          r.callback(), r.callerName(), true)).collect(Collectors.toCollection(ArrayList::new)));
    }
  }

  @Override
  public void close() {
    server.close();
  }

  // ---------------------------------------------------------------------------------------------

  private StubResponse handle(RecordedRequest r) {
    Fault fault;
    boolean auth = r.path().equals("/_rest/v4/authenticate");
    synchronized (lock) {
      fault = faults.poll();
      if (fault == null && !auth && refusedTokenCalls > 0) {
        refusedTokenCalls--;
        fault = Fault.UNAUTHORIZED;
      }
      boolean write = !auth && !r.method().equals("GET") && !r.path().equals("/e911/v1/addresses/validate");
      if (fault == null && write && !writeFaults.isEmpty()) {
        fault = writeFaults.poll();
      }
    }
    if (fault != null) {
      switch (fault) {
        case RATE_LIMITED:
          return problem(429, "RATE_LIMITED", "Too Many Requests", "slow down").header("Retry-After", "1");
        case SERVER_ERROR:
          return problem(503, "UNAVAILABLE", "Service Unavailable", "try later");
        case HANG:
          return problem(503, "UNAVAILABLE", "late", "late").delayHeaders(HANG);
        case MALFORMED:
          return StubResponse.status(200).body("<html>surprise</html>", "application/json");
        case UNAUTHORIZED:
          synchronized (lock) {
            tokens.clear();
          }
          return StubResponse.json(401, "{\"code\":401,\"error\":\"Unauthorized\"}");
        case APPLY_THEN_HANG:
          return serve(r, auth).delayHeaders(HANG);
        default:
          throw new AssertionError(fault);
      }
    }
    return serve(r, auth);
  }

  private StubResponse serve(RecordedRequest r, boolean auth) {
    try {
      if (auth) {
        return authenticate(r);
      }
      String header = r.header("Authorization").orElse("");
      String token = bearer ? (header.startsWith("Bearer ") ? header.substring(7) : "") : header;
      synchronized (lock) {
        if (!tokens.contains(token)) {
          return StubResponse.json(401, "{\"code\":401,\"error\":\"Unauthorized\"}");
        }
      }
      String path = r.path();
      if (path.equals("/_rest/v3/my/did") && r.method().equals("GET")) {
        return didList(r);
      }
      if (path.equals("/_rest/v3/my/did/e911")) {
        return e911(r);
      }
      if (path.equals("/e911/v1/addresses/validate") && r.method().equals("POST")) {
        return validate(r);
      }
      if (path.startsWith("/e911/v1/bindings/")) {
        return binding(r, URLDecoder.decode(path.substring("/e911/v1/bindings/".length()), StandardCharsets.UTF_8));
      }
      if (path.startsWith("/e911/v1/orders/") && r.method().equals("GET")) {
        return order(path.substring("/e911/v1/orders/".length()));
      }
      return problem(404, "NOT_FOUND", "Not Found", "no such resource");
    } catch (IOException e) {
      return StubResponse.json(400, "{\"code\":400,\"error\":\"Bad Request\",\"message\":\"unreadable JSON\"}");
    }
  }

  private StubResponse authenticate(RecordedRequest r) throws IOException {
    JsonNode body = JSON.readTree(r.body());
    if (body != null && USERNAME.equals(body.path("username").asText()) && PASSWORD.equals(body.path("password").asText())) {
      synchronized (lock) {
        String token = "tok-" + (issued.size() + 1) + "-eyJhbGciOiJIUzI1NiJ9k9Q";
        tokens.add(token);
        issued.add(token);
        return StubResponse.okJson("{\"token\":\"" + token + "\"}");
      }
    }
    return StubResponse.json(401, "{\"code\":401,\"error\":\"Unauthorized\"}");
  }

  private StubResponse didList(RecordedRequest r) {
    if (!"true".equals(r.queryParameter("hasE911").orElse(""))) {
      return StubResponse.json(400, "{\"code\":400,\"error\":\"this fake only lists hasE911=true\"}");
    }
    int page = Integer.parseInt(r.queryParameter("page").orElse("1"));
    int size = Integer.parseInt(r.queryParameter("pageSize").orElse("100"));
    String like = r.queryParameter("like").orElse("");
    List<String> all = new ArrayList<>();
    synchronized (lock) {
      all.addAll(otherNumbers);
      records.forEach((n, list) -> {
        if (!list.isEmpty()) {
          all.add(n);
        }
      });
      if (!ignoreLike) {
        all.removeIf(n -> !n.contains(like));
      }
    }
    ArrayNode rows = JSON.createArrayNode();
    int from = (page - 1) * size;
    for (int i = from; i < Math.min(all.size(), from + size + 1); i++) {
      ObjectNode row = rows.addObject();
      if (!malformedDidRows) {
        row.put("number", all.get(i));
      }
      row.put("countryCode", "1").put("hasE911", true).put("label", "");
    }
    ObjectNode out = JSON.createObjectNode();
    out.set("dids", rows);
    return StubResponse.okJson(out.toString());
  }

  private StubResponse e911(RecordedRequest r) throws IOException {
    JsonNode b = JSON.readTree(r.body());
    if (b == null || !b.isObject()) {
      return v3Error("body required");
    }
    for (String f : List.of("serviceBusiness", "serviceUser", "serviceUserTitle")) {
      if (b.path(f).asText().isBlank()) {
        return v3Error(f + " is required");
      }
    }
    List<String> numbers = new ArrayList<>();
    for (JsonNode n : b.path("numbers")) {
      if (!"1".equals(n.path("countryCode").asText()) || !n.path("number").asText().matches("[0-9]{10}")) {
        return v3Error("numbers[] must be {countryCode:1, number:10 digits}");
      }
      numbers.add(n.path("number").asText());
    }
    if (numbers.isEmpty()) {
      return v3Error("numbers is required");
    }
    synchronized (lock) {
      if (r.method().equals("DELETE")) {
        numbers.forEach(records::remove);
        writeOrders++;
        return orderReply(numbers);
      }
      for (String f : List.of("address1", "city", "state", "zip", "locationName")) {
        if (b.path(f).asText().isBlank()) {
          return v3Error(f + " is required");
        }
      }
      WireAddress w = new WireAddress(b.path("address1").asText(), b.path("address2").asText(""), b.path("city").asText(),
          b.path("state").asText(), b.path("zip").asText());
      if (strict && !known.containsKey(w)) {
        return v3Error("The address does not match the 911 database");
      }
      boolean dynamic = b.path("isDynamic911").asBoolean(false);
      Rec rec = new Rec(w, b.path("locationName").asText(), dynamic, b.path("dynamic911CallbackNumbers").asText(""),
          b.path("dynamic911CallerName").asText(""), true);
      if (r.method().equals("PUT")) {
        for (String n : numbers) {
          if (records.getOrDefault(n, List.of()).isEmpty()) {
            return v3Error("number " + n + " has no E911 service to update");
          }
        }
        numbers.forEach(n -> records.put(n, new ArrayList<>(List.of(rec))));
      } else if (r.method().equals("POST")) {
        // IntelePeer documents no idempotency: a second Add is a second order and, here, a second record
        numbers.forEach(n -> records.computeIfAbsent(n, k -> new ArrayList<>()).add(rec));
      } else {
        return v3Error("method not allowed");
      }
      writeOrders++;
      return orderReply(numbers);
    }
  }

  private StubResponse orderReply(List<String> numbers) {
    ObjectNode out = JSON.createObjectNode();
    ObjectNode order = out.putObject("order");
    order.put("orderID", nextOrder++);
    ObjectNode batch = order.putArray("batches").addObject();
    batch.put("batchID", 88120 + nextOrder);
    ArrayNode ns = batch.putArray("numbers");
    numbers.forEach(n -> ns.addObject().put("countryCode", "1").put("number", n));
    return StubResponse.okJson(out.toString());
  }

  private static StubResponse v3Error(String message) {
    ObjectNode out = JSON.createObjectNode();
    out.put("code", 400).put("error", "Bad Request").put("message", message);
    return StubResponse.json(400, out.toString());
  }

  private StubResponse validate(RecordedRequest r) throws IOException {
    WireAddress w = wire(JSON.readTree(r.body()));
    ObjectNode out = JSON.createObjectNode();
    synchronized (lock) {
      if (corrections.containsKey(w)) {
        out.put("status", "CORRECTED");
        out.putArray("suggestions").add(json(asTheCarrierSpellsIt(corrections.get(w))));
        out.putArray("messages").add("street suffix corrected");
      } else if (known.containsKey(w)) {
        out.put("status", "VALID");
        out.set("normalized", json(w));
        out.putArray("messages");
      } else {
        out.put("status", "INVALID");
        out.putArray("messages").add("address not found in the 911 database");
      }
    }
    return StubResponse.okJson(out.toString());
  }

  private StubResponse binding(RecordedRequest r, String e164) throws IOException {
    if (!e164.matches("\\+1[0-9]{10}")) {
      return problem(400, "BAD_NUMBER", "Bad Request", "not an E.164 NANP number");
    }
    String n = e164.substring(2);
    synchronized (lock) {
      if (r.method().equals("GET")) {
        List<Rec> list = records.getOrDefault(n, List.of());
        if (list.isEmpty()) {
          return problem(404, "NOT_FOUND", "Not Found", "no binding");
        }
        Rec rec = list.get(0);
        ObjectNode out = JSON.createObjectNode();
        out.put("e164", e164).put("status", rec.active() ? "ACTIVE" : "PENDING");
        out.set("address", json(rec.address()));
        out.put("updatedAt", "2026-11-25T16:00:00Z");
        return StubResponse.okJson(out.toString());
      }
      String key = r.header("Idempotency-Key").orElse("");
      if (key.isEmpty()) {
        return problem(400, "IDEMPOTENCY_KEY_REQUIRED", "Bad Request", "Idempotency-Key is required");
      }
      Answer replay = idempotent.get(key);
      if (replay != null) {
        return StubResponse.json(replay.status(), replay.json());
      }
      if (r.method().equals("DELETE")) {
        if (records.getOrDefault(n, List.of()).isEmpty()) {
          return problem(404, "NOT_FOUND", "Not Found", "no binding");
        }
        records.remove(n);
      } else if (r.method().equals("PUT")) {
        JsonNode b = JSON.readTree(r.body());
        WireAddress w = wire(b.path("address"));
        if (w.address1().isBlank() || w.city().isBlank()) {
          return problem(422, "ADDRESS_REQUIRED", "Unprocessable", "address.address1 and address.city are required");
        }
        if (strict && !known.containsKey(w)) {
          return problem(400, "ADDRESS_NOT_IN_911_DB", "Address not found", "the address does not match the 911 database");
        }
        records.put(n, new ArrayList<>(List.of(new Rec(w, b.path("locationName").asText(), b.path("dynamic").asBoolean(),
            b.path("callbackNumber").asText(""), b.path("callerName").asText(""), !holdOrders))));
      } else {
        return problem(405, "METHOD", "Method Not Allowed", "");
      }
      writeOrders++;
      String id = "ord-" + nextOrder++;
      if (holdOrders) {
        heldOrders.put(id, e164);
      }
      if (failOrdersWith != null) {
        failedOrders.put(id, Map.of("e164", e164, "code", failOrdersWith));
      }
      Answer a = new Answer(202, "{\"orderId\":\"" + id + "\",\"status\":\"PENDING\"}");
      idempotent.put(key, a);
      return StubResponse.json(a.status(), a.json());
    }
  }

  private StubResponse order(String id) {
    synchronized (lock) {
      ObjectNode out = JSON.createObjectNode();
      out.put("orderId", id);
      Map<String, String> failed = failedOrders.get(id);
      String status = failed != null ? "FAILED" : heldOrders.containsKey(id) ? "PENDING" : "COMPLETE";
      out.put("status", status);
      ArrayNode items = out.putArray("items");
      if (failed != null) {
        items.addObject().put("e164", failed.get("e164")).put("status", "FAILED").put("errorCode", failed.get("code"))
            .put("message", "MSAG mismatch");
      }
      return StubResponse.okJson(out.toString());
    }
  }

  private static StubResponse problem(int status, String code, String title, String detail) {
    ObjectNode p = JSON.createObjectNode();
    p.put("type", "about:blank").put("title", title).put("status", status).put("detail", detail).put("code", code);
    return StubResponse.status(status).body(p.toString(), "application/problem+json");
  }

  private static WireAddress wire(JsonNode n) {
    return new WireAddress(n.path("address1").asText(""), n.path("address2").asText(""), n.path("city").asText(""),
        n.path("state").asText(""), n.path("zip").asText(""));
  }

  /** The wire form of a suggestion with its ZIP+4 add-on, if it has one. */
  private static WireAddress asTheCarrierSpellsIt(DispatchableAddress a) {
    WireAddress w = IntelePeerAddressMapping.toWire(a);
    String zip = a.get(dev.e911.api.address.CivicElement.PCE).map(ext -> w.zip() + "-" + ext).orElse(w.zip());
    return new WireAddress(w.address1(), w.address2(), w.city(), w.state(), zip);
  }

  private static ObjectNode json(WireAddress w) {
    ObjectNode n = JSON.createObjectNode();
    n.put("address1", w.address1()).put("address2", w.address2()).put("city", w.city()).put("state", w.state())
        .put("zip", w.zip());
    return n;
  }
}
