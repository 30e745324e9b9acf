package dev.e911.carrier.bandwidth;

import dev.e911.api.spi.CarrierConfig;
import dev.e911.api.spi.Secret;
import dev.e911.api.validation.InvalidValueException;
import dev.e911.api.validation.Violations;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The validated configuration of a {@link BandwidthCarrier}: which Bandwidth surface the account is
 * enabled for ({@link Mode#DASHBOARD} = Dashboard E911 orders with Dynamic Location Routing,
 * {@link Mode#ES} = the Emergency Services Provisioning JSON API), where it lives, the account,
 * credentials (HTTP Basic or OAuth2 client credentials, always {@link Secret}s), timeouts, retry,
 * order-polling bounds and the client-side request rate. Build it with {@link #builder(Mode)} or read
 * it from a {@link CarrierConfig} with {@link #from(CarrierConfig)}; both report every bad key at once
 * in one {@link InvalidValueException} whose message never contains a credential.
 */
public final class BandwidthConfig {

  private final Mode mode;
  private final URI baseUrl;
  private final String accountId;
  private final Region region;
  private final Credentials credentials;
  private final WebhookCredentials webhookCredentials;
  private final Duration connectTimeout;
  private final Duration attemptTimeout;
  private final int maxAttempts;
  private final Duration retryInitialBackoff;
  private final Duration retryMaxBackoff;
  private final Duration maxRetryAfter;
  private final Duration pollInitialDelay;
  private final Duration pollMaxDelay;
  private final Duration pollMaxWait;
  private final double requestsPerSecond;
  private final int maxResponseBytes;

  /** Default Dashboard API base (docs up to 2023); account paths are {@code /accounts/{accountId}/...} below it. */
  public static final URI DEFAULT_DASHBOARD_BASE_URL = URI.create("https://dashboard.bandwidth.com/api");

  /** Default ES Provisioning base (2023 spec); ES paths are {@code /accounts/{accountId}/emergency/...} below it. */
  public static final URI DEFAULT_ES_BASE_URL = URI.create("https://dashboard.bandwidth.com/api/v2");

  /** The setting keys {@link #from(CarrierConfig)} understands. */
  public static final Set<String> SETTING_KEYS = Set.of("mode", "baseUrl", "accountId", "region", "tokenUrl",
      "connectTimeout", "attemptTimeout", "maxAttempts", "retryInitialBackoff", "retryMaxBackoff", "maxRetryAfter",
      "pollInitialDelay", "pollMaxDelay", "pollMaxWait", "requestsPerSecond", "maxResponseBytes");

  /** The secret keys {@link #from(CarrierConfig)} understands. */
  public static final Set<String> SECRET_KEYS = Set.of("username", "password", "clientId", "clientSecret",
      "webhookUsername", "webhookPassword");

  private static final Pattern ACCOUNT_ID = Pattern.compile("[A-Za-z0-9-]{1,32}");

  /** Which Bandwidth provisioning surface the account is enabled for. */
  public enum Mode {
    /** (A) Dashboard numbers API: geocodeRequest and {@code e911s} orders incl. DLR (XML). */
    DASHBOARD,
    /** (C) Unified Emergency Services Provisioning API: addresses, endpoints, orders (JSON). */
    ES;

    /** The configuration spelling, {@code dashboard} or {@code es}. */
    public String configName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** The ES API's {@code region} query parameter (mandatory on every ES call). */
  public enum Region {
    /** North America (US and Canada). */
    NA,
    /** Rest of the world. */
    ROW
  }

  /** How requests authenticate. */
  public sealed interface Credentials {}

  /** HTTP Basic with an API user (legacy Dashboard; ES 2023 spec). */
  public record Basic(Secret username, Secret password) implements Credentials {
    public Basic {
      Objects.requireNonNull(username, "username");
      Objects.requireNonNull(password, "password");
    }
  }

  /**
   * OAuth2 client credentials (Bandwidth App / api.bandwidth.com): {@code POST tokenUrl} with
   * {@code grant_type=client_credentials} and Basic client id/secret; the bearer token is cached and
   * refreshed 60 s before it expires.
   */
  public record OAuth2(Secret clientId, Secret clientSecret, URI tokenUrl) implements Credentials {
    public OAuth2 {
      Objects.requireNonNull(clientId, "clientId");
      Objects.requireNonNull(clientSecret, "clientSecret");
      Objects.requireNonNull(tokenUrl, "tokenUrl");
    }
  }

  /** The Basic credentials we chose for Bandwidth's emergency-call CALLBACK recipient; webhooks must carry them. */
  public record WebhookCredentials(Secret username, Secret password) {
    public WebhookCredentials {
      Objects.requireNonNull(username, "username");
      Objects.requireNonNull(password, "password");
    }
  }

  private BandwidthConfig(Builder b, URI baseUrl, Credentials credentials) {
    this.mode = b.mode;
    this.baseUrl = baseUrl;
    this.accountId = b.accountId.strip();
    this.region = b.region;
    this.credentials = credentials;
    this.webhookCredentials = b.webhookCredentials;
    this.connectTimeout = b.connectTimeout;
    this.attemptTimeout = b.attemptTimeout;
    this.maxAttempts = b.maxAttempts;
    this.retryInitialBackoff = b.retryInitialBackoff;
    this.retryMaxBackoff = b.retryMaxBackoff;
    this.maxRetryAfter = b.maxRetryAfter;
    this.pollInitialDelay = b.pollInitialDelay;
    this.pollMaxDelay = b.pollMaxDelay;
    this.pollMaxWait = b.pollMaxWait;
    this.requestsPerSecond = b.requestsPerSecond;
    this.maxResponseBytes = b.maxResponseBytes;
  }

  /** The Bandwidth surface. */
  public Mode mode() {
    return mode;
  }

  /** The API base, without a trailing slash. */
  public URI baseUrl() {
    return baseUrl;
  }

  /** The Bandwidth account id. */
  public String accountId() {
    return accountId;
  }

  /** The ES region (NA unless configured; used in ES mode only). */
  public Region region() {
    return region;
  }

  /** How requests authenticate. */
  public Credentials credentials() {
    return credentials;
  }

  /** The Basic credentials emergency-call webhooks must carry, when configured. */
  public Optional<WebhookCredentials> webhookCredentials() {
    return Optional.ofNullable(webhookCredentials);
  }

  /** Time to open a connection. */
  public Duration connectTimeout() {
    return connectTimeout;
  }

  /** Time one HTTP attempt may take. */
  public Duration attemptTimeout() {
    return attemptTimeout;
  }

  /** HTTP attempts per call for retryable answers. */
  public int maxAttempts() {
    return maxAttempts;
  }

  /** First retry backoff. */
  public Duration retryInitialBackoff() {
    return retryInitialBackoff;
  }

  /** Longest retry backoff. */
  public Duration retryMaxBackoff() {
    return retryMaxBackoff;
  }

  /** Longest Retry-After honoured within a call. */
  public Duration maxRetryAfter() {
    return maxRetryAfter;
  }

  /** First wait before re-reading an order. */
  public Duration pollInitialDelay() {
    return pollInitialDelay;
  }

  /** Longest wait between order polls. */
  public Duration pollMaxDelay() {
    return pollMaxDelay;
  }

  /** Bounded wait for an order to reach a final state. */
  public Duration pollMaxWait() {
    return pollMaxWait;
  }

  /** Client-side request rate for the account. */
  public double requestsPerSecond() {
    return requestsPerSecond;
  }

  /** Largest response body read. */
  public int maxResponseBytes() {
    return maxResponseBytes;
  }

  /** A builder for {@code mode} holding the defaults. */
  public static Builder builder(Mode mode) {
    return new Builder(mode);
  }

  /**
   * Reads the {@code bandwidth} carrier section: settings {@code mode} ({@code dashboard}|{@code es}),
   * {@code baseUrl}, {@code accountId}, {@code region} ({@code NA}|{@code ROW}, ES only), {@code tokenUrl}
   * (OAuth2 only), ISO-8601 durations {@code connectTimeout}, {@code attemptTimeout},
   * {@code retryInitialBackoff}, {@code retryMaxBackoff}, {@code maxRetryAfter}, {@code pollInitialDelay},
   * {@code pollMaxDelay}, {@code pollMaxWait}, numbers {@code maxAttempts}, {@code requestsPerSecond},
   * {@code maxResponseBytes}; secrets {@code username}+{@code password} or {@code clientId}+{@code clientSecret},
   * optionally {@code webhookUsername}+{@code webhookPassword}.
   *
   * @throws InvalidValueException naming every missing, unknown, malformed or contradictory key
   */
  public static BandwidthConfig from(CarrierConfig config) {
    Objects.requireNonNull(config, "config");
    Violations v = Violations.forType("BandwidthConfig");
    if (!"bandwidth".equals(config.carrier())) {
      v.add("carrier", "carrier.name", "must be bandwidth");
    }
    for (String key : new TreeSet<>(config.settings().keySet())) {
      v.check(!SETTING_KEYS.contains(key), "settings." + key, "unknown",
          "is not a Bandwidth setting (known: " + new TreeSet<>(SETTING_KEYS) + ")");
    }
    for (String key : new TreeSet<>(config.secrets().keySet())) {
      v.check(!SECRET_KEYS.contains(key), "secrets." + key, "unknown",
          "is not a Bandwidth secret (known: " + new TreeSet<>(SECRET_KEYS) + ")");
    }
    Map<String, String> s = config.settings();
    Mode mode = null;
    String rawMode = s.get("mode");
    if (rawMode == null) {
      v.add("settings.mode", "required", "is required: dashboard or es");
    } else {
      switch (rawMode.strip().toLowerCase(Locale.ROOT)) {
        case "dashboard" -> mode = Mode.DASHBOARD;
        case "es" -> mode = Mode.ES;
        case "dash" -> v.add("settings.mode", "unsupported",
            "dash (the legacy 911 Access Dashboard API) is not supported; use es, which replaces it, or dashboard");
        default -> v.add("settings.mode", "enum", "must be dashboard or es");
      }
    }
    Builder b = new Builder(mode == null ? Mode.DASHBOARD : mode);
    if (s.containsKey("baseUrl")) {
      b.baseUrl = parseUri(v, "settings.baseUrl", s.get("baseUrl"));
    }
    b.accountId = s.get("accountId");
    if (s.containsKey("region")) {
      try {
        b.region = Region.valueOf(s.get("region").strip().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        v.add("settings.region", "enum", "must be NA or ROW");
      }
      v.check(mode == Mode.DASHBOARD, "settings.region", "es.only", "applies only to mode es");
    }
    Map<String, Secret> sec = config.secrets();
    boolean basic = sec.containsKey("username") || sec.containsKey("password");
    boolean oauth = sec.containsKey("clientId") || sec.containsKey("clientSecret");
    if (basic && oauth) {
      v.add("secrets", "auth.contradictory", "give either username/password (Basic) or clientId/clientSecret (OAuth2), not both");
    } else if (oauth) {
      v.check(!sec.containsKey("clientId"), "secrets.clientId", "required", "is required with clientSecret");
      v.check(!sec.containsKey("clientSecret"), "secrets.clientSecret", "required", "is required with clientId");
      URI tokenUrl = s.containsKey("tokenUrl") ? parseUri(v, "settings.tokenUrl", s.get("tokenUrl")) : null;
      if (sec.containsKey("clientId") && sec.containsKey("clientSecret")) {
        b.oauth2(sec.get("clientId"), sec.get("clientSecret"), tokenUrl);
      }
    } else if (basic) {
      v.check(!sec.containsKey("username"), "secrets.username", "required", "is required with password");
      v.check(!sec.containsKey("password"), "secrets.password", "required", "is required with username");
      if (sec.containsKey("username") && sec.containsKey("password")) {
        b.basic(sec.get("username"), sec.get("password"));
      }
    } else {
      v.add("secrets", "auth.required", "give username and password (Basic) or clientId and clientSecret (OAuth2)");
    }
    v.check(!oauth && s.containsKey("tokenUrl"), "settings.tokenUrl", "oauth2.only", "applies only with clientId/clientSecret");
    boolean hookUser = sec.containsKey("webhookUsername");
    boolean hookPass = sec.containsKey("webhookPassword");
    v.check(hookUser && !hookPass, "secrets.webhookPassword", "required", "is required with webhookUsername");
    v.check(hookPass && !hookUser, "secrets.webhookUsername", "required", "is required with webhookPassword");
    if (hookUser && hookPass) {
      b.webhookCredentials(sec.get("webhookUsername"), sec.get("webhookPassword"));
    }
    b.connectTimeout = duration(v, s, "connectTimeout", b.connectTimeout);
    b.attemptTimeout = duration(v, s, "attemptTimeout", b.attemptTimeout);
    b.retryInitialBackoff = duration(v, s, "retryInitialBackoff", b.retryInitialBackoff);
    b.retryMaxBackoff = duration(v, s, "retryMaxBackoff", b.retryMaxBackoff);
    b.maxRetryAfter = duration(v, s, "maxRetryAfter", b.maxRetryAfter);
    b.pollInitialDelay = duration(v, s, "pollInitialDelay", b.pollInitialDelay);
    b.pollMaxDelay = duration(v, s, "pollMaxDelay", b.pollMaxDelay);
    b.pollMaxWait = duration(v, s, "pollMaxWait", b.pollMaxWait);
    b.maxAttempts = integer(v, s, "maxAttempts", b.maxAttempts);
    b.maxResponseBytes = integer(v, s, "maxResponseBytes", b.maxResponseBytes);
    if (s.containsKey("requestsPerSecond")) {
      try {
        b.requestsPerSecond = new BigDecimal(s.get("requestsPerSecond").strip()).doubleValue();
      } catch (NumberFormatException e) {
        v.add("settings.requestsPerSecond", "number", "must be a decimal number such as 3 or 0.5");
      }
    }
    b.check(v);
    v.throwIfAny();
    return b.build();
  }

  private static URI parseUri(Violations v, String path, String raw) {
    try {
      URI uri = new URI(raw.strip());
      if (uri.getScheme() == null || !(uri.getScheme().equals("https") || uri.getScheme().equals("http"))
          || uri.getHost() == null) {
        v.add(path, "uri", "must be an absolute http(s) URL");
        return null;
      }
      if (uri.getRawUserInfo() != null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
        v.add(path, "uri.plain", "must not carry user-info, a query or a fragment (credentials go in secrets)");
        return null;
      }
      return uri;
    } catch (URISyntaxException e) {
      v.add(path, "uri", "is not a URL");
      return null;
    }
  }

  private static Duration duration(Violations v, Map<String, String> s, String key, Duration dflt) {
    String raw = s.get(key);
    if (raw == null) {
      return dflt;
    }
    try {
      return Duration.parse(raw.strip());
    } catch (DateTimeParseException e) {
      v.add("settings." + key, "duration", "must be an ISO-8601 duration such as PT10S");
      return dflt;
    }
  }

  private static int integer(Violations v, Map<String, String> s, String key, int dflt) {
    String raw = s.get(key);
    if (raw == null) {
      return dflt;
    }
    try {
      return Integer.parseInt(raw.strip());
    } catch (NumberFormatException e) {
      v.add("settings." + key, "integer", "must be a whole number");
      return dflt;
    }
  }

  /** Prints settings and the kind of credentials, never a credential. */
  @Override
  public String toString() {
    return "BandwidthConfig[mode=" + mode.configName() + ", baseUrl=" + baseUrl + ", accountId=" + accountId
        + (mode == Mode.ES ? ", region=" + region : "") + ", auth=" + (credentials instanceof Basic ? "basic" : "oauth2")
        + ", webhookCredentials=" + (webhookCredentials != null) + ", attemptTimeout=" + attemptTimeout
        + ", maxAttempts=" + maxAttempts + ", pollMaxWait=" + pollMaxWait + ", requestsPerSecond=" + requestsPerSecond + "]";
  }

  /**
   * Collects the options; {@link #build()} checks them all and reports every problem at once. Defaults:
   * the mode's public base URL, region NA, connect 5 s, attempt 10 s, 4 attempts, retry backoff 500 ms up
   * to 10 s, Retry-After honoured up to 60 s, order polls every 2 s growing to 30 s for at most 2 min,
   * 3 requests/s, responses up to 1 MiB.
   */
  public static final class Builder {
    private final Mode mode;
    private URI baseUrl;
    private String accountId;
    private Region region = Region.NA;
    private Credentials credentials;
    private Secret oauthClientId;
    private Secret oauthClientSecret;
    private URI tokenUrl;
    private WebhookCredentials webhookCredentials;
    private Duration connectTimeout = Duration.ofSeconds(5);
    private Duration attemptTimeout = Duration.ofSeconds(10);
    private int maxAttempts = 4;
    private Duration retryInitialBackoff = Duration.ofMillis(500);
    private Duration retryMaxBackoff = Duration.ofSeconds(10);
    private Duration maxRetryAfter = Duration.ofSeconds(60);
    private Duration pollInitialDelay = Duration.ofSeconds(2);
    private Duration pollMaxDelay = Duration.ofSeconds(30);
    private Duration pollMaxWait = Duration.ofMinutes(2);
    private double requestsPerSecond = 3;
    private int maxResponseBytes = 1 << 20;

    private Builder(Mode mode) {
      this.mode = Objects.requireNonNull(mode, "mode");
    }

    /** The API base; default {@link #DEFAULT_DASHBOARD_BASE_URL} or {@link #DEFAULT_ES_BASE_URL}. */
    public Builder baseUrl(URI baseUrl) {
      this.baseUrl = baseUrl;
      return this;
    }

    /** The Bandwidth account id (required). */
    public Builder accountId(String accountId) {
      this.accountId = accountId;
      return this;
    }

    /** The ES region (ES mode only); default NA. */
    public Builder region(Region region) {
      this.region = region;
      return this;
    }

    /** HTTP Basic credentials. */
    public Builder basic(Secret username, Secret password) {
      this.credentials = new Basic(username, password);
      this.oauthClientId = null;
      this.oauthClientSecret = null;
      return this;
    }

    /** OAuth2 client credentials; {@code tokenUrl} may be null for {@code {scheme://host}/api/v1/oauth2/token} of the base URL. */
    public Builder oauth2(Secret clientId, Secret clientSecret, URI tokenUrl) {
      this.credentials = null;
      this.oauthClientId = Objects.requireNonNull(clientId, "clientId");
      this.oauthClientSecret = Objects.requireNonNull(clientSecret, "clientSecret");
      this.tokenUrl = tokenUrl;
      return this;
    }

    /** The Basic credentials Bandwidth's emergency-call webhooks must present; absent = not checked. */
    public Builder webhookCredentials(Secret username, Secret password) {
      this.webhookCredentials = new WebhookCredentials(username, password);
      return this;
    }

    /** Time to open a connection; default 5 s. */
    public Builder connectTimeout(Duration d) {
      this.connectTimeout = d;
      return this;
    }

    /** Time one HTTP attempt may take, headers and body; default 10 s. */
    public Builder attemptTimeout(Duration d) {
      this.attemptTimeout = d;
      return this;
    }

    /** HTTP attempts per call for retryable answers (429, 502-504, timeouts of reads); 1..10, default 4. */
    public Builder maxAttempts(int n) {
      this.maxAttempts = n;
      return this;
    }

    /** First retry backoff (doubling, equal jitter); default 500 ms. */
    public Builder retryInitialBackoff(Duration d) {
      this.retryInitialBackoff = d;
      return this;
    }

    /** Longest retry backoff; default 10 s. */
    public Builder retryMaxBackoff(Duration d) {
      this.retryMaxBackoff = d;
      return this;
    }

    /** Longest {@code Retry-After} honoured within a call; default 60 s. */
    public Builder maxRetryAfter(Duration d) {
      this.maxRetryAfter = d;
      return this;
    }

    /** First wait before re-reading an asynchronous order; default 2 s. */
    public Builder pollInitialDelay(Duration d) {
      this.pollInitialDelay = d;
      return this;
    }

    /** Longest wait between order polls; default 30 s. */
    public Builder pollMaxDelay(Duration d) {
      this.pollMaxDelay = d;
      return this;
    }

    /** Bounded wait for an order to reach a final state, after which the result is {@code Pending}; default 2 min. */
    public Builder pollMaxWait(Duration d) {
      this.pollMaxWait = d;
      return this;
    }

    /** Client-side token bucket rate for this account; (0, 100], default 3 (the DASH guidance). */
    public Builder requestsPerSecond(double rate) {
      this.requestsPerSecond = rate;
      return this;
    }

    /** Largest response body read (bounded before parsing); 1 KiB..16 MiB, default 1 MiB. */
    public Builder maxResponseBytes(int bytes) {
      this.maxResponseBytes = bytes;
      return this;
    }

    private void check(Violations v) {
      v.check(accountId == null || accountId.isBlank(), "settings.accountId", "required", "is required");
      v.check(accountId != null && !accountId.isBlank() && !ACCOUNT_ID.matcher(accountId.strip()).matches(),
          "settings.accountId", "syntax", "must be 1-32 letters, digits or '-'");
      v.check(credentials == null && oauthClientId == null, "secrets", "auth.required",
          "give username and password (Basic) or clientId and clientSecret (OAuth2)");
      v.check(region == null, "settings.region", "required", "must be NA or ROW");
      positive(v, "connectTimeout", connectTimeout, Duration.ofMinutes(5));
      positive(v, "attemptTimeout", attemptTimeout, Duration.ofMinutes(10));
      v.check(maxAttempts < 1 || maxAttempts > 10, "settings.maxAttempts", "range", "must be between 1 and 10");
      notNegative(v, "retryInitialBackoff", retryInitialBackoff, Duration.ofMinutes(10));
      positive(v, "retryMaxBackoff", retryMaxBackoff, Duration.ofMinutes(10));
      if (retryInitialBackoff != null && retryMaxBackoff != null && retryInitialBackoff.compareTo(retryMaxBackoff) > 0) {
        v.add("settings.retryInitialBackoff", "not.above.retryMaxBackoff", "must not exceed retryMaxBackoff");
      }
      notNegative(v, "maxRetryAfter", maxRetryAfter, Duration.ofHours(1));
      notNegative(v, "pollInitialDelay", pollInitialDelay, Duration.ofMinutes(10));
      positive(v, "pollMaxDelay", pollMaxDelay, Duration.ofMinutes(10));
      positive(v, "pollMaxWait", pollMaxWait, Duration.ofHours(1));
      if (pollInitialDelay != null && pollMaxDelay != null && pollInitialDelay.compareTo(pollMaxDelay) > 0) {
        v.add("settings.pollInitialDelay", "not.above.pollMaxDelay", "must not exceed pollMaxDelay");
      }
      v.check(!(requestsPerSecond > 0 && requestsPerSecond <= 100), "settings.requestsPerSecond", "range",
          "must be above 0 and at most 100");
      v.check(maxResponseBytes < 1024 || maxResponseBytes > (16 << 20), "settings.maxResponseBytes", "range",
          "must be between 1024 and 16777216");
      if (baseUrl != null && !(baseUrl.isAbsolute() && ("https".equals(baseUrl.getScheme()) || "http".equals(baseUrl.getScheme())))) {
        v.add("settings.baseUrl", "uri", "must be an absolute http(s) URL");
      }
    }

    private static void positive(Violations v, String key, Duration d, Duration max) {
      if (d == null) {
        v.add("settings." + key, "required", "is required");
      } else {
        v.check(d.isNegative() || d.isZero(), "settings." + key, "positive", "must be positive");
        v.check(d.compareTo(max) > 0, "settings." + key, "max", "must be at most " + max);
      }
    }

    private static void notNegative(Violations v, String key, Duration d, Duration max) {
      if (d == null) {
        v.add("settings." + key, "required", "is required");
      } else {
        v.check(d.isNegative(), "settings." + key, "not.negative", "must not be negative");
        v.check(d.compareTo(max) > 0, "settings." + key, "max", "must be at most " + max);
      }
    }

    /**
     * Checks every option and builds.
     *
     * @throws InvalidValueException listing every problem
     */
    public BandwidthConfig build() {
      Violations v = Violations.forType("BandwidthConfig");
      check(v);
      v.throwIfAny();
      URI base = baseUrl != null ? baseUrl : mode == Mode.ES ? DEFAULT_ES_BASE_URL : DEFAULT_DASHBOARD_BASE_URL;
      String b = base.toString();
      while (b.endsWith("/")) {
        b = b.substring(0, b.length() - 1);
      }
      base = URI.create(b);
      Credentials creds = credentials != null ? credentials : new OAuth2(oauthClientId, oauthClientSecret,
          tokenUrl != null ? tokenUrl : URI.create(base.getScheme() + "://" + base.getRawAuthority() + "/api/v1/oauth2/token"));
      return new BandwidthConfig(this, base, creds);
    }
  }

  /** The secret values this configuration holds, for scrubbing text before it leaves the adapter. */
  Set<String> secretValues() {
    Set<String> out = new LinkedHashSet<>();
    if (credentials instanceof Basic basic) {
      out.add(basic.username().reveal());
      out.add(basic.password().reveal());
    } else if (credentials instanceof OAuth2 o) {
      out.add(o.clientId().reveal());
      out.add(o.clientSecret().reveal());
    }
    webhookCredentials().ifPresent(w -> {
      out.add(w.username().reveal());
      out.add(w.password().reveal());
    });
    return out;
  }
}
