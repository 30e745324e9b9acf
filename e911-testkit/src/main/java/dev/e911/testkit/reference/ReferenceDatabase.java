package dev.e911.testkit.reference;

import dev.e911.api.address.CivicElement;
import dev.e911.api.address.DispatchableAddress;
import dev.e911.api.spi.BindingKey;
import dev.e911.api.spi.Secret;
import dev.e911.api.spi.WebhookRequest;
import dev.e911.testkit.carrier.Fault;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The in-memory 911 database behind the {@link ReferenceCarrier}: the "remote" side, with its own
 * API key, address data, bindings keyed by number or endpoint, optional asynchronous orders, a
 * request log and injectable {@linkplain Fault faults}. Validation matches a known address
 * ignoring case (valid), or, after USPS-style standardisation ({@code Street}→{@code ST},
 * {@code North}→{@code N}) and ignoring the ZIP and ZIP+4, suggests the known spelling
 * (corrected); in-building detail (building, floor, unit, room, seat, additional location) is
 * carried over from the input, as carriers geocode the street and keep the rest. Provisioning an
 * address that does not validate exactly is refused. Thread-safe; build one with {@link #builder()}.
 */
public final class ReferenceDatabase {

  /** The elements that describe where inside a place, copied from the input rather than matched. */
  static final Set<CivicElement> IN_BUILDING = EnumSet.of(CivicElement.BLD, CivicElement.FLR, CivicElement.UNIT,
      CivicElement.ROOM, CivicElement.SEAT, CivicElement.LOC, CivicElement.NAM, CivicElement.PLC);

  private static final Map<String, String> SUFFIXES = Map.ofEntries(Map.entry("STREET", "ST"),
      Map.entry("AVENUE", "AVE"), Map.entry("AV", "AVE"), Map.entry("BOULEVARD", "BLVD"), Map.entry("ROAD", "RD"),
      Map.entry("DRIVE", "DR"), Map.entry("LANE", "LN"), Map.entry("COURT", "CT"), Map.entry("PLACE", "PL"),
      Map.entry("PARKWAY", "PKWY"), Map.entry("HIGHWAY", "HWY"), Map.entry("TERRACE", "TER"),
      Map.entry("CIRCLE", "CIR"), Map.entry("SQUARE", "SQ"), Map.entry("WAY", "WAY"));
  private static final Map<String, String> DIRECTIONS = Map.of("NORTH", "N", "SOUTH", "S", "EAST", "E", "WEST", "W",
      "NORTHEAST", "NE", "NORTHWEST", "NW", "SOUTHEAST", "SE", "SOUTHWEST", "SW");

  private final String apiKey;
  private final Duration rateLimitRetryAfter;
  private final boolean asynchronous;
  private final Clock clock;
  private final List<DispatchableAddress> addresses = new CopyOnWriteArrayList<>();
  private final Map<DispatchableAddress, DispatchableAddress> corrections = new ConcurrentHashMap<>();
  private final Map<BindingKey, Wire.Stored> bindings = new ConcurrentHashMap<>();
  private final Map<String, Wire.Order> orders = new ConcurrentHashMap<>();
  private final Deque<Fault> faults = new ArrayDeque<>();
  private final List<String> requests = new CopyOnWriteArrayList<>();
  private final AtomicInteger writeOrders = new AtomicInteger();
  private final AtomicInteger sequence = new AtomicInteger();

  private ReferenceDatabase(Builder b) {
    this.apiKey = b.apiKey.reveal();
    this.rateLimitRetryAfter = b.rateLimitRetryAfter;
    this.asynchronous = b.asynchronous;
    this.clock = b.clock;
    this.addresses.addAll(b.addresses);
  }

  /** A builder: API key {@code reference-demo-key}, synchronous, 1 s {@code Retry-After}, no addresses. */
  public static Builder builder() {
    return new Builder();
  }

  /** A few addresses in San Francisco, New York and Austin, for demos and examples. */
  public static List<DispatchableAddress> demoAddresses() {
    return List.of(
        DispatchableAddress.builder("US").houseNumber("1200").preDirectional("N").streetName("POINT")
            .streetSuffix("ST").city("SAN FRANCISCO").state("CA").postalCode("94133-1234").build(),
        DispatchableAddress.builder("US").houseNumber("500").streetName("HOWARD").streetSuffix("ST")
            .city("SAN FRANCISCO").state("CA").postalCode("94105").build(),
        DispatchableAddress.builder("US").houseNumber("350").streetName("5TH").streetSuffix("AVE")
            .city("NEW YORK").state("NY").postalCode("10118").build(),
        DispatchableAddress.builder("US").houseNumber("1100").streetName("CONGRESS").streetSuffix("AVE")
            .city("AUSTIN").state("TX").postalCode("78701").build(),
        // remote agents' homes in the bundled example contact center (examples/contact-center.json)
        DispatchableAddress.builder("US").houseNumber("4521").streetName("AVENIDA DE LOS ÁRBOLES")
            .city("AUSTIN").state("TX").postalCode("78745").build(),
        DispatchableAddress.builder("US").houseNumber("2210").preDirectional("SE").streetName("HAWTHORNE").streetSuffix("BLVD")
            .city("PORTLAND").state("OR").postalCode("97214").build(),
        DispatchableAddress.builder("US").houseNumber("815").preDirectional("E").streetName("PIKE").streetSuffix("ST")
            .city("SEATTLE").state("WA").postalCode("98122").build());
  }

  /** Whether provisioning answers with orders that complete only on {@link #completeOrders()}. */
  public boolean asynchronous() {
    return asynchronous;
  }

  /** Adds an address to the database exactly as given. */
  public void addAddress(DispatchableAddress address) {
    addresses.add(Objects.requireNonNull(address, "address").withoutValidation());
  }

  /** Makes validating {@code input} (compared ignoring case) suggest {@code suggestion}. */
  public void addCorrection(DispatchableAddress input, DispatchableAddress suggestion) {
    Objects.requireNonNull(suggestion, "suggestion");
    corrections.put(Objects.requireNonNull(input, "input").withoutValidation(), suggestion.withoutValidation());
  }

  /** The next {@code times} requests of any kind meet {@code fault}; {@code times} 0 clears queued faults. */
  public void failNext(Fault fault, int times) {
    Objects.requireNonNull(fault, "fault");
    synchronized (faults) {
      if (times <= 0) {
        faults.clear();
      }
      for (int i = 0; i < times; i++) {
        faults.add(fault);
      }
    }
  }

  /** The {@code Retry-After} a rate-limited request is answered with. */
  public Duration rateLimitRetryAfter() {
    return rateLimitRetryAfter;
  }

  /** The address held for {@code key}, in the database's standardised spelling. */
  public Optional<DispatchableAddress> binding(BindingKey key) {
    return Optional.ofNullable(bindings.get(key)).map(Wire.Stored::address);
  }

  /** How many bindings are held for {@code key} (bindings are keyed, so 0 or 1). */
  public int bindingCount(BindingKey key) {
    return bindings.containsKey(key) ? 1 : 0;
  }

  /** Every key held, for inspection. */
  public Set<BindingKey> keys() {
    return Set.copyOf(bindings.keySet());
  }

  /** How many write requests (PUT, DELETE) were processed. */
  public int writeOrders() {
    return writeOrders.get();
  }

  /** The raw text of every request received, API-key header included, in arrival order. */
  public List<String> requests() {
    return List.copyOf(requests);
  }

  /** Completes every open asynchronous order, in the order received. */
  public void completeOrders() {
    List<Wire.Order> open = new ArrayList<>();
    orders.values().stream().filter(o -> !o.complete()).forEach(open::add);
    open.sort((a, b) -> a.orderId().compareTo(b.orderId()));
    for (Wire.Order o : open) {
      apply(o.change());
      orders.put(o.orderId(), new Wire.Order(o.orderId(), o.change(), true));
    }
  }

  /**
   * The webhook request the carrier sends when {@code callingNumber} dials {@code dialled}: form
   * fields {@code eventId}, {@code occurredAt}, {@code callingNumber}, {@code dialled},
   * {@code callerName} and {@code addressOnFile}, signed with HMAC-SHA256 over the body under the
   * API key in {@code X-Reference-Signature} (lower-case hex).
   */
  public WebhookRequest emergencyCall(String callingNumber, String dialled) {
    Wire.Stored held = bindings.get(BindingKey.number(callingNumber));
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("eventId", String.format(Locale.ROOT, "call-%06d", sequence.incrementAndGet()));
    fields.put("occurredAt", clock.instant().toString());
    fields.put("callingNumber", callingNumber);
    fields.put("dialled", dialled);
    fields.put("callerName", held == null ? "" : held.callerName());
    fields.put("addressOnFile", held == null ? "" : held.address().oneLine());
    StringBuilder body = new StringBuilder();
    fields.forEach((k, v) -> {
      if (body.length() > 0) {
        body.append('&');
      }
      body.append(k).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8));
    });
    byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
    return new WebhookRequest("application/x-www-form-urlencoded",
        Map.of("X-Reference-Signature", List.of(sign(apiKey, bytes))), bytes);
  }

  static String sign(String key, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(body));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is missing from this JDK", e);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // the "server"

  /** Answers one request as the remote API would; {@code timeout} is how long the caller waits. */
  Wire.Reply exchange(Wire.Request request, String presentedKey, Duration timeout) {
    requests.add(request.line() + "\nX-Api-Key: " + presentedKey + "\n\n" + request.body());
    Fault fault;
    synchronized (faults) {
      fault = faults.poll();
    }
    if (fault != null) {
      switch (fault) {
        case RATE_LIMITED:
          return new Wire.Reply(429, rateLimitRetryAfter, "slow down");
        case SERVER_ERROR:
          return Wire.Reply.of(503, "temporarily unavailable");
        case MALFORMED:
          return Wire.Reply.of(200, "<html><body>502 Bad Gateway</body></html>");
        case UNAUTHORIZED:
          return Wire.Reply.of(401, "invalid API key");
        case HANG:
          hold(timeout);
          return Wire.Reply.timedOut();
        case APPLY_THEN_HANG:
          if (presentedKey.equals(apiKey)) {
            answer(request);
          }
          hold(timeout);
          return Wire.Reply.timedOut();
        default:
          throw new IllegalStateException("unknown fault " + fault);
      }
    }
    if (!presentedKey.equals(apiKey)) {
      return Wire.Reply.of(401, "invalid API key");
    }
    return answer(request);
  }

  private static void hold(Duration timeout) {
    try {
      Thread.sleep(timeout.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private Wire.Reply answer(Wire.Request request) {
    if (request instanceof Wire.Validate v) {
      return Wire.Reply.of(200, verdict(v.address()));
    }
    if (request instanceof Wire.Get g) {
      Optional<Wire.Order> open = orders.values().stream()
          .filter(o -> !o.complete() && keyOf(o.change()).equals(g.key())).reduce((a, b) -> b);
      return Wire.Reply.of(200, new Wire.KeyState(Optional.ofNullable(bindings.get(g.key())), open));
    }
    if (request instanceof Wire.GetOrder go) {
      Wire.Order order = orders.get(go.orderId());
      return order == null ? Wire.Reply.of(404, "no such order") : Wire.Reply.of(200, order);
    }
    writeOrders.incrementAndGet();
    if (request instanceof Wire.Put p) {
      Wire.Verdict verdict = verdict(p.address());
      if (!(verdict instanceof Wire.Exact)) {
        return Wire.Reply.of(400, List.of("the address is not in the 911 database exactly as given; validate it first"));
      }
    } else if (request instanceof Wire.Delete d && !bindings.containsKey(d.key())
        && orders.values().stream().noneMatch(o -> !o.complete() && keyOf(o.change()).equals(d.key()))) {
      return Wire.Reply.of(404, "no such binding");
    }
    if (asynchronous) {
      String id = String.format(Locale.ROOT, "order-%06d", sequence.incrementAndGet());
      Wire.Order order = new Wire.Order(id, request, false);
      orders.put(id, order);
      return Wire.Reply.of(202, order);
    }
    return apply(request);
  }

  private static BindingKey keyOf(Wire.Request change) {
    if (change instanceof Wire.Put p) {
      return p.key();
    }
    return ((Wire.Delete) change).key();
  }

  private Wire.Reply apply(Wire.Request change) {
    if (change instanceof Wire.Put p) {
      DispatchableAddress standardized = ((Wire.Exact) verdict(p.address())).standardized();
      Wire.Stored stored = bindings.compute(p.key(), (k, old) -> new Wire.Stored(k, standardized, p.callerName(),
          p.callbackNumber(), old == null ? String.format(Locale.ROOT, "ref-%06d", sequence.incrementAndGet())
              : old.reference()));
      return Wire.Reply.of(200, stored);
    }
    Wire.Delete d = (Wire.Delete) change;
    return bindings.remove(d.key()) == null ? Wire.Reply.of(404, "no such binding") : Wire.Reply.of(204, "");
  }

  // ---------------------------------------------------------------------------------------------
  // address matching

  private Wire.Verdict verdict(DispatchableAddress input) {
    for (Map.Entry<DispatchableAddress, DispatchableAddress> c : corrections.entrySet()) {
      if (c.getKey().sameCivicAddress(input)) {
        return new Wire.Suggest(List.of(c.getValue()), differences(input, c.getValue()));
      }
    }
    DispatchableAddress street = streetLevel(input);
    List<DispatchableAddress> near = new ArrayList<>();
    for (DispatchableAddress known : addresses) {
      DispatchableAddress knownStreet = streetLevel(known);
      if (knownStreet.sameCivicAddress(street)) {
        return new Wire.Exact(withInBuildingOf(knownStreet, input));
      }
      if (normalised(knownStreet).equals(normalised(street))) {
        near.add(withInBuildingOf(knownStreet, input));
      }
    }
    if (!near.isEmpty()) {
      return new Wire.Suggest(near, differences(input, near.get(0)));
    }
    return new Wire.Unknown(List.of("no address in the reference 911 database matches " + input.oneLine()));
  }

  private static DispatchableAddress streetLevel(DispatchableAddress a) {
    DispatchableAddress.Builder b = a.toBuilder().validation(null).point(null);
    IN_BUILDING.forEach(e -> b.set(e, null));
    return b.build();
  }

  private static DispatchableAddress withInBuildingOf(DispatchableAddress street, DispatchableAddress input) {
    DispatchableAddress.Builder b = street.toBuilder().requiresInBuildingDetail(input.requiresInBuildingDetail());
    for (CivicElement e : IN_BUILDING) {
      input.get(e).ifPresent(v -> b.set(e, v));
    }
    return b.build();
  }

  /** The street-level elements upper-cased and abbreviated, without ZIP and ZIP+4. */
  private static Map<CivicElement, String> normalised(DispatchableAddress a) {
    Map<CivicElement, String> out = new LinkedHashMap<>();
    a.elements().forEach((e, v) -> {
      if (e == CivicElement.PC || e == CivicElement.PCE) {
        return;
      }
      String u = v.toUpperCase(Locale.ROOT).replace(".", "");
      if (e == CivicElement.STS) {
        u = SUFFIXES.getOrDefault(u, u);
      } else if (e == CivicElement.PRD || e == CivicElement.POD) {
        u = DIRECTIONS.getOrDefault(u, u);
      }
      out.put(e, u);
    });
    return out;
  }

  private static List<String> differences(DispatchableAddress input, DispatchableAddress suggestion) {
    List<String> reasons = new ArrayList<>();
    EnumSet<CivicElement> all = EnumSet.noneOf(CivicElement.class);
    all.addAll(input.elements().keySet());
    all.addAll(suggestion.elements().keySet());
    for (CivicElement e : all) {
      String given = input.get(e).orElse("");
      String valid = suggestion.get(e).orElse("");
      if (!given.equalsIgnoreCase(valid)) {
        reasons.add(e.jsonName() + ": \"" + given + "\", valid value \"" + valid + "\"");
      }
    }
    return reasons.isEmpty() ? List.of("the carrier suggests a corrected form") : reasons;
  }

  /** Builds a {@link ReferenceDatabase}. */
  public static final class Builder {
    private Secret apiKey = Secret.of("reference-demo-key");
    private Duration rateLimitRetryAfter = Duration.ofSeconds(1);
    private boolean asynchronous;
    private Clock clock = Clock.systemUTC();
    private final List<DispatchableAddress> addresses = new ArrayList<>();

    private Builder() {}

    /** The API key requests must present. */
    public Builder apiKey(Secret apiKey) {
      this.apiKey = Objects.requireNonNull(apiKey, "apiKey");
      return this;
    }

    /** The {@code Retry-After} of a rate-limited answer. */
    public Builder rateLimitRetryAfter(Duration retryAfter) {
      this.rateLimitRetryAfter = Objects.requireNonNull(retryAfter, "retryAfter");
      return this;
    }

    /** Whether writes become orders that complete only on {@link ReferenceDatabase#completeOrders()}. */
    public Builder asynchronous(boolean asynchronous) {
      this.asynchronous = asynchronous;
      return this;
    }

    /** The clock that stamps webhook events. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** Adds addresses exactly as given. */
    public Builder addresses(List<DispatchableAddress> addresses) {
      addresses.forEach(a -> this.addresses.add(a.withoutValidation()));
      return this;
    }

    /** Builds the database. */
    public ReferenceDatabase build() {
      return new ReferenceDatabase(this);
    }
  }
}
