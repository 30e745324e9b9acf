package dev.e911.genesys;

import dev.e911.api.location.Location;
import dev.e911.api.spi.ConfigurationFix;
import dev.e911.api.spi.PlatformAdapter;
import dev.e911.api.spi.PlatformEvent;
import dev.e911.api.spi.PlatformInventory;
import dev.e911.api.spi.PlatformResult;
import dev.e911.api.spi.Secret;
import dev.e911.api.routing.EmergencyRoutingRule;
import dev.e911.api.validation.Violations;
import dev.e911.core.dialplan.DialPlan;
import dev.e911.core.http.Sleeper;
import dev.e911.genesys.internal.ClientSettings;
import dev.e911.genesys.internal.GenesysClient;
import dev.e911.genesys.internal.GenesysOperations;
import dev.e911.genesys.internal.InventoryReader;
import dev.e911.genesys.internal.NotificationMapping;
import dev.e911.genesys.internal.NotificationStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The Genesys Cloud {@link PlatformAdapter}: a slim client on the JDK HTTP client and Jackson that signs
 * in with an OAuth client-credentials grant, reads sites, number plans, outbound routes, locations,
 * users and their phone settings into a {@link PlatformInventory}, keeps locations (with their ELIN) and
 * users' locations in step with e911, pushes a blocked agent to a not-ready presence, and applies the
 * emergency configuration fixes (with a dry run that prints the diff). Every method answers a
 * {@link PlatformResult}; nothing it returns, logs or throws contains the client secret or a token.
 * Build one with {@link #builder()}; instances are thread-safe.
 *
 * <pre>{@code
 * try (GenesysPlatform genesys = GenesysPlatform.builder()
 *     .region("usw2.pure.cloud")
 *     .clientId(System.getenv("GENESYS_CLIENT_ID"))
 *     .clientSecret(Secret.of(System.getenv("GENESYS_CLIENT_SECRET")))
 *     .build()) {
 *   PlatformResult<PlatformInventory> inventory = genesys.readInventory();
 * }
 * }</pre>
 */
public final class GenesysPlatform implements PlatformAdapter {

  /** The platform id. */
  public static final String ID = "genesys";

  private final InventoryReader reader;
  private final GenesysOperations operations;
  private final GenesysClient client;
  private final HttpClient http;
  private final Clock clock;
  private final NotificationStream.Settings streamSettings;
  private final Set<NotificationStream> streams = java.util.concurrent.ConcurrentHashMap.newKeySet();

  private GenesysPlatform(Builder b, URI api, URI login) {
    ClientSettings settings = new ClientSettings(api, login, b.clientId, b.clientSecret, b.requestTimeout, b.maxAttempts,
        b.initialBackoff, b.maxBackoff, b.maxRetryAfter, b.retryBudget, b.pageSize, b.maxPages, b.maxResponseBytes,
        b.maxConflictRetries);
    HttpClient http = b.httpClient != null ? b.httpClient
        : HttpClient.newBuilder().connectTimeout(b.requestTimeout).followRedirects(HttpClient.Redirect.NEVER).build();
    this.client = new GenesysClient(settings, http, b.clock, b.sleeper);
    this.http = http;
    this.clock = b.clock;
    this.streamSettings = new NotificationStream.Settings(b.heartbeatTimeout, b.pollInterval, b.reconnectInitial,
        b.reconnectMax, b.renewBeforeExpiry, b.topicsPerChannel, b.requestTimeout);
    this.reader = new InventoryReader(client, b.forceTurnKey, b.locationPromptKey);
    this.operations = new GenesysOperations(client, reader, b.clock, b.dialPlan, b.notReadyPresence);
  }

  /**
   * The address fields of a Genesys location ({@code street1}, {@code street2}, {@code city},
   * {@code state}, {@code zipcode}, {@code country}; empty ones left out) that {@link #upsertLocation}
   * writes for {@code address}: the civic address folded into two street lines. For dry runs that
   * predict what a sync would change.
   */
  public static java.util.Map<String, String> locationAddress(dev.e911.api.address.DispatchableAddress address) {
    return dev.e911.genesys.internal.LocationBodies.addressFields(Objects.requireNonNull(address, "address"));
  }

  /** A builder with the defaults described on each option. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public PlatformResult<PlatformInventory> readInventory() {
    return reader.read();
  }

  @Override
  public PlatformResult<String> upsertLocation(Location location) {
    return operations.upsertLocation(Objects.requireNonNull(location, "location"));
  }

  @Override
  public PlatformResult<String> assignLocation(String userId, Location location) {
    return operations.assignLocation(Objects.requireNonNull(userId, "userId"), Objects.requireNonNull(location, "location"));
  }

  @Override
  public PlatformResult<String> forceNotReady(String userId, String reason) {
    return operations.forceNotReady(Objects.requireNonNull(userId, "userId"), reason == null ? "" : reason);
  }

  @Override
  public PlatformResult<ConfigurationFix.Outcome> applyFix(ConfigurationFix fix, boolean dryRun) {
    return operations.applyFix(Objects.requireNonNull(fix, "fix"), dryRun);
  }

  /**
   * Streams the users' presence and routing-status changes over the notifications API (channel and
   * websocket, sharded at the per-channel topic limit), reconnecting and resubscribing on its own and
   * polling over REST while no socket can be held; the users' current state is emitted once after
   * every (re)connect. Fails at once (typed) when Genesys refuses the credentials, a permission or a
   * topic; any other trouble is retried in the background. Closing the subscription stops its thread.
   */
  @Override
  public PlatformResult<Subscription> subscribe(Set<String> userIds, Consumer<PlatformEvent> listener) {
    Objects.requireNonNull(userIds, "userIds");
    Objects.requireNonNull(listener, "listener");
    java.util.List<String> bad = userIds.stream().filter(u -> u == null || !u.matches("[A-Za-z0-9._-]{1,128}")).limit(3)
        .map(u -> u == null ? "null" : "'" + (u.length() > 40 ? u.substring(0, 40) + "..." : u) + "'").toList();
    if (!bad.isEmpty()) {
      return new PlatformResult.Failed<>(dev.e911.api.spi.RemoteFailure.of(dev.e911.api.spi.RemoteFailure.Kind.INVALID_REQUEST,
          "userIds: every user id must be 1 to 128 letters, digits, '.', '_' or '-': " + bad));
    }
    if (userIds.isEmpty()) {
      return new PlatformResult.Ok<>(() -> { });
    }
    NotificationStream stream = new NotificationStream(client, http, streamSettings, clock, Set.copyOf(userIds), listener,
        streams::remove);
    streams.add(stream);
    return stream.start();
  }

  /** Closes every open subscription (and so stops their threads). */
  @Override
  public void close() {
    java.util.List.copyOf(streams).forEach(NotificationStream::close);
  }

  @Override
  public String toString() {
    return "GenesysPlatform[" + operations + "]";
  }

  /**
   * Options of a {@link GenesysPlatform}. Setters never throw; {@link #build()} reports every problem at
   * once. Give either a {@link #region(String) region} or both {@link #apiBase(URI)} and
   * {@link #loginBase(URI)} (that is how tests point it at a loopback server), never both.
   */
  public static final class Builder {
    private String region = "";
    private URI apiBase;
    private URI loginBase;
    private String clientId;
    private Secret clientSecret;
    private Duration requestTimeout = Duration.ofSeconds(15);
    private int maxAttempts = 5;
    private Duration initialBackoff = Duration.ofSeconds(1);
    private Duration maxBackoff = Duration.ofSeconds(27);
    private Duration maxRetryAfter = Duration.ofSeconds(60);
    private Duration retryBudget = Duration.ofMinutes(2);
    private int pageSize = 100;
    private int maxPages = 500;
    private int maxResponseBytes = 4 * 1024 * 1024;
    private int maxConflictRetries = 3;
    private Clock clock = Clock.systemUTC();
    private Sleeper sleeper = Sleeper.system();
    private HttpClient httpClient;
    private DialPlan dialPlan;
    private String notReadyPresence = "Busy";
    private String forceTurnKey = "";
    private String locationPromptKey = "";
    private Duration heartbeatTimeout = Duration.ofSeconds(45);
    private Duration pollInterval = Duration.ofSeconds(15);
    private Duration reconnectInitial = Duration.ofSeconds(1);
    private Duration reconnectMax = Duration.ofSeconds(60);
    private Duration renewBeforeExpiry = Duration.ofMinutes(10);
    private int topicsPerChannel = NotificationMapping.MAX_TOPICS_PER_CHANNEL;

    private Builder() {}

    /**
     * How long the notification socket may stay silent (Genesys sends a heartbeat about every 30 s; a
     * ping goes out after half of it) before it is treated as dead and replaced; 100 ms to 10 min.
     * Default 45 s.
     */
    public Builder heartbeatTimeout(Duration timeout) {
      this.heartbeatTimeout = timeout;
      return this;
    }

    /** How often users' presence is read over REST while no notification socket can be held; 100 ms to 10 min. Default 15 s. */
    public Builder pollInterval(Duration interval) {
      this.pollInterval = interval;
      return this;
    }

    /** First wait before reconnecting a dropped notification socket and its cap (doubling, equal jitter). Defaults 1 s and 60 s. */
    public Builder reconnectBackoff(Duration initial, Duration max) {
      this.reconnectInitial = initial;
      this.reconnectMax = max;
      return this;
    }

    /** How long before a channel's {@code expires} a new channel replaces it; 0 to 12 h. Default 10 min. */
    public Builder renewBeforeExpiry(Duration margin) {
      this.renewBeforeExpiry = margin;
      return this;
    }

    /** Topics per notification channel (two per user); 2 to 1000. Default 1000, the Genesys limit. */
    public Builder topicsPerChannel(int topics) {
      this.topicsPerChannel = topics;
      return this;
    }

    /** The region, by SDK id ({@code us_west_2}) or domain ({@code usw2.pure.cloud}); see {@link GenesysRegion}. */
    public Builder region(String idOrDomain) {
      this.region = idOrDomain == null ? "" : idOrDomain;
      return this;
    }

    /** The region. */
    public Builder region(GenesysRegion region) {
      this.region = region == null ? "" : region.name();
      return this;
    }

    /** The API base, e.g. {@code https://api.usw2.pure.cloud} (with {@link #loginBase(URI)}, instead of a region). */
    public Builder apiBase(URI apiBase) {
      this.apiBase = apiBase;
      return this;
    }

    /** The login base, e.g. {@code https://login.usw2.pure.cloud}. */
    public Builder loginBase(URI loginBase) {
      this.loginBase = loginBase;
      return this;
    }

    /** The OAuth client id (client-credentials grant). Required. */
    public Builder clientId(String clientId) {
      this.clientId = clientId;
      return this;
    }

    /** The OAuth client secret. Required. */
    public Builder clientSecret(Secret clientSecret) {
      this.clientSecret = clientSecret;
      return this;
    }

    /** Time one request may take, body included; 100 ms to 2 min. Default 15 s. */
    public Builder requestTimeout(Duration timeout) {
      this.requestTimeout = timeout;
      return this;
    }

    /** Attempts per call including the first (429, 500, 502-504 and timeouts are retried); 1 to 10. Default 5. */
    public Builder maxAttempts(int maxAttempts) {
      this.maxAttempts = maxAttempts;
      return this;
    }

    /** First backoff and its cap (equal jitter, doubling). Defaults 1 s and 27 s. */
    public Builder backoff(Duration initial, Duration max) {
      this.initialBackoff = initial;
      this.maxBackoff = max;
      return this;
    }

    /** Longest {@code Retry-After} honoured and the total time one call may spend retrying. Defaults 60 s, 2 min. */
    public Builder retryLimits(Duration maxRetryAfter, Duration retryBudget) {
      this.maxRetryAfter = maxRetryAfter;
      this.retryBudget = retryBudget;
      return this;
    }

    /** Entities per page (1 to 500) and the most pages read of one listing (1 to 10 000). Defaults 100 and 500. */
    public Builder paging(int pageSize, int maxPages) {
      this.pageSize = pageSize;
      this.maxPages = maxPages;
      return this;
    }

    /** Largest response body accepted; 1 KiB to 64 MiB. Default 4 MiB. */
    public Builder maxResponseBytes(int maxResponseBytes) {
      this.maxResponseBytes = maxResponseBytes;
      return this;
    }

    /** Re-reads after a version conflict before giving up; 0 to 10. Default 3. */
    public Builder maxConflictRetries(int retries) {
      this.maxConflictRetries = retries;
      return this;
    }

    /** Clock for token lifetimes and notes. Default the system UTC clock. */
    public Builder clock(Clock clock) {
      this.clock = clock;
      return this;
    }

    /** How to wait between attempts (tests inject one that does not sleep). */
    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = sleeper;
      return this;
    }

    /** The HTTP client. Default: a new one with the request timeout as connect timeout, no redirects. */
    public Builder httpClient(HttpClient httpClient) {
      this.httpClient = httpClient;
      return this;
    }

    /**
     * The emergency dial plan whose {@link DialPlan#genesysNumberPlans()} the
     * {@code ADD_EMERGENCY_NUMBER_PLAN} fix pushes. Default: the US rules (911, 933) without a prefix.
     */
    public Builder dialPlan(DialPlan dialPlan) {
      this.dialPlan = dialPlan;
      return this;
    }

    /** The system presence {@link GenesysPlatform#forceNotReady} sets: {@code Busy} (default) or {@code Away}. */
    public Builder notReadyPresence(String systemPresence) {
      this.notReadyPresence = systemPresence;
      return this;
    }

    /**
     * The WebRTC phone property keys of Force TURN and of the emergency-location prompt, when the
     * administrator knows them; empty (the default) discovers them in the org's WebRTC phone template.
     */
    public Builder phoneSettingKeys(String forceTurnKey, String locationPromptKey) {
      this.forceTurnKey = forceTurnKey == null ? "" : forceTurnKey.strip();
      this.locationPromptKey = locationPromptKey == null ? "" : locationPromptKey.strip();
      return this;
    }

    /**
     * Checks every option and builds the adapter.
     *
     * @throws dev.e911.api.validation.InvalidValueException listing every problem (never a secret)
     */
    public GenesysPlatform build() {
      Violations v = Violations.forType("GenesysPlatform");
      boolean explicit = apiBase != null || loginBase != null;
      URI api = apiBase;
      URI login = loginBase;
      if (!region.isBlank()) {
        v.check(explicit, "region", "region.or.urls", "give either a region or apiBase and loginBase, not both");
        java.util.Optional<GenesysRegion> r = GenesysRegion.find(region);
        v.check(r.isEmpty(), "region", "region.unknown", "is not a Genesys Cloud region id or domain");
        if (r.isPresent()) {
          api = r.get().apiBase();
          login = r.get().loginBase();
        }
      } else {
        v.check(apiBase == null, "apiBase", "required", "is required without a region");
        v.check(loginBase == null, "loginBase", "required", "is required without a region");
      }
      checkBase(v, "apiBase", apiBase);
      checkBase(v, "loginBase", loginBase);
      v.check(clientId == null || clientId.isBlank(), "clientId", "required", "is required");
      v.check(clientId != null && !clientId.isBlank() && !clientId.matches("[A-Za-z0-9._-]{1,128}"), "clientId", "syntax",
          "must be 1 to 128 letters, digits, '.', '_' or '-'");
      v.check(clientSecret == null, "clientSecret", "required", "is required");
      range(v, "requestTimeout", requestTimeout, Duration.ofMillis(100), Duration.ofMinutes(2));
      v.check(maxAttempts < 1 || maxAttempts > 10, "maxAttempts", "range", "must be 1 to 10");
      range(v, "initialBackoff", initialBackoff, Duration.ZERO, Duration.ofMinutes(1));
      range(v, "maxBackoff", maxBackoff, Duration.ofMillis(1), Duration.ofMinutes(5));
      v.check(initialBackoff != null && maxBackoff != null && initialBackoff.compareTo(maxBackoff) > 0, "initialBackoff",
          "not.above.max", "must not exceed maxBackoff");
      range(v, "maxRetryAfter", maxRetryAfter, Duration.ZERO, Duration.ofMinutes(10));
      range(v, "retryBudget", retryBudget, Duration.ofMillis(1), Duration.ofHours(1));
      v.check(pageSize < 1 || pageSize > 500, "pageSize", "range", "must be 1 to 500");
      v.check(maxPages < 1 || maxPages > 10_000, "maxPages", "range", "must be 1 to 10000");
      v.check(maxResponseBytes < 1024 || maxResponseBytes > 64 * 1024 * 1024, "maxResponseBytes", "range",
          "must be 1 KiB to 64 MiB");
      v.check(maxConflictRetries < 0 || maxConflictRetries > 10, "maxConflictRetries", "range", "must be 0 to 10");
      v.check(clock == null, "clock", "required", "is required");
      v.check(sleeper == null, "sleeper", "required", "is required");
      range(v, "heartbeatTimeout", heartbeatTimeout, Duration.ofMillis(100), Duration.ofMinutes(10));
      range(v, "pollInterval", pollInterval, Duration.ofMillis(100), Duration.ofMinutes(10));
      range(v, "reconnectInitial", reconnectInitial, Duration.ofMillis(1), Duration.ofMinutes(5));
      range(v, "reconnectMax", reconnectMax, Duration.ofMillis(1), Duration.ofMinutes(30));
      v.check(reconnectInitial != null && reconnectMax != null && reconnectInitial.compareTo(reconnectMax) > 0,
          "reconnectInitial", "not.above.max", "must not exceed reconnectMax");
      range(v, "renewBeforeExpiry", renewBeforeExpiry, Duration.ZERO, Duration.ofHours(12));
      v.check(topicsPerChannel < 2 || topicsPerChannel > NotificationMapping.MAX_TOPICS_PER_CHANNEL, "topicsPerChannel", "range",
          "must be 2 to " + NotificationMapping.MAX_TOPICS_PER_CHANNEL);
      String presence = notReadyPresence == null ? "" : notReadyPresence.strip().toLowerCase(Locale.ROOT);
      v.check(!presence.equals("busy") && !presence.equals("away"), "notReadyPresence", "presence",
          "must be Busy or Away");
      v.throwIfAny();
      if (dialPlan == null) {
        dialPlan = DialPlan.of(EmergencyRoutingRule.usDefaults());
      }
      return new GenesysPlatform(this, api, login);
    }

    private static void checkBase(Violations v, String name, URI uri) {
      if (uri != null) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        v.check(!scheme.equals("https") && !scheme.equals("http"), name, "scheme", "must be an http(s) URL");
        v.check(uri.getHost() == null, name, "host", "must name a host");
        v.check(uri.getRawUserInfo() != null || uri.getRawQuery() != null, name, "plain",
            "must not carry user info or a query");
      }
    }

    private static void range(Violations v, String name, Duration d, Duration min, Duration max) {
      v.check(d == null || d.compareTo(min) < 0 || d.compareTo(max) > 0, name, "range",
          "must be between " + min + " and " + max);
    }
  }
}
