package dev.e911.carrier.intelepeer;

import dev.e911.api.spi.CarrierConfig;
import dev.e911.api.spi.Secret;
import dev.e911.api.validation.InvalidValueException;
import dev.e911.api.validation.Violations;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Immutable configuration of the IntelePeer adapter: where the API is ({@code baseUrl}), which
 * contract it speaks ({@link IntelePeerContract}), how the token is sent (raw, or with a
 * {@code Bearer } prefix), the API user's credentials (as {@link Secret}s), the requester fields
 * IntelePeer requires on every E911 order, timeouts, retries, the client-side rate limit and the
 * bounded wait for asynchronous orders. Build it with {@link #builder()} or read it from a
 * {@link CarrierConfig} with {@link #fromConfig}; both report every bad key at once in one
 * {@link InvalidValueException} and never echo a value. {@code toString()} shows no credential.
 */
public final class IntelePeerSettings {

  /** Setting keys understood by {@link #fromConfig}; any other key is refused, so typos surface. */
  public static final Set<String> SETTING_KEYS = Set.of("baseUrl", "contract", "authorizationPrefix",
      "serviceBusiness", "serviceUser", "serviceUserTitle", "notificationEmail", "notes", "connectTimeout",
      "requestTimeout", "maxAttempts", "initialBackoff", "maxBackoff", "maxRetryAfter", "retryBudget",
      "requestsPerSecond", "orderWait", "orderPollInterval", "tokenLifetime", "resubmitAfter");

  /** Secret keys understood by {@link #fromConfig}. */
  public static final Set<String> SECRET_KEYS = Set.of("username", "password");

  /** IntelePeer's documented API host. */
  public static final URI DEFAULT_BASE_URL = URI.create("https://customer.intelepeer.com");

  private final URI baseUrl;
  private final IntelePeerContract contract;
  private final String authorizationPrefix;
  private final Secret username;
  private final Secret password;
  private final String serviceBusiness;
  private final String serviceUser;
  private final String serviceUserTitle;
  private final String notificationEmail;
  private final String notes;
  private final Duration connectTimeout;
  private final Duration requestTimeout;
  private final int maxAttempts;
  private final Duration initialBackoff;
  private final Duration maxBackoff;
  private final Duration maxRetryAfter;
  private final Duration retryBudget;
  private final double requestsPerSecond;
  private final Duration orderWait;
  private final Duration orderPollInterval;
  private final Duration tokenLifetime;
  private final Duration resubmitAfter;

  private IntelePeerSettings(Builder b, String prefix) {
    this.baseUrl = b.baseUrl;
    this.contract = b.contract;
    this.authorizationPrefix = prefix;
    this.username = b.username;
    this.password = b.password;
    this.serviceBusiness = b.serviceBusiness;
    this.serviceUser = b.serviceUser;
    this.serviceUserTitle = b.serviceUserTitle;
    this.notificationEmail = b.notificationEmail;
    this.notes = b.notes;
    this.connectTimeout = b.connectTimeout;
    this.requestTimeout = b.requestTimeout;
    this.maxAttempts = b.maxAttempts;
    this.initialBackoff = b.initialBackoff;
    this.maxBackoff = b.maxBackoff;
    this.maxRetryAfter = b.maxRetryAfter;
    this.retryBudget = b.retryBudget;
    this.requestsPerSecond = b.requestsPerSecond;
    this.orderWait = b.orderWait;
    this.orderPollInterval = b.orderPollInterval;
    this.tokenLifetime = b.tokenLifetime;
    this.resubmitAfter = b.resubmitAfter;
  }

  /** A builder with the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Reads settings and secrets (keys: {@link #SETTING_KEYS}, {@link #SECRET_KEYS}); durations are
   * ISO-8601 ({@code PT10S}).
   *
   * @throws InvalidValueException naming every missing, unknown or bad key ({@code settings.x}, {@code secrets.x})
   */
  public static IntelePeerSettings fromConfig(CarrierConfig config) {
    Violations v = Violations.forType("IntelePeerSettings");
    Map<String, String> s = config.settings();
    new TreeSet<>(s.keySet()).stream().filter(k -> !SETTING_KEYS.contains(k))
        .forEach(k -> v.add("settings." + k, "unknown", "is not an IntelePeer setting; known: " + new TreeSet<>(SETTING_KEYS)));
    new TreeSet<>(config.secrets().keySet()).stream().filter(k -> !SECRET_KEYS.contains(k))
        .forEach(k -> v.add("secrets." + k, "unknown", "is not an IntelePeer secret; known: " + new TreeSet<>(SECRET_KEYS)));
    Builder b = builder();
    read(s, "baseUrl", v, raw -> {
      try {
        return new URI(raw.strip());
      } catch (URISyntaxException e) {
        return null;
      }
    }, "uri", "is not a URL", b::baseUrl);
    read(s, "contract", v, raw -> IntelePeerContract.fromConfigName(raw).orElse(null), "contract",
        "must be v3 or assumed", b::contract);
    Optional.ofNullable(s.get("authorizationPrefix")).ifPresent(b::authorizationPrefix);
    Optional.ofNullable(config.secrets().get("username")).ifPresent(b::username);
    Optional.ofNullable(config.secrets().get("password")).ifPresent(b::password);
    Optional.ofNullable(s.get("serviceBusiness")).ifPresent(b::serviceBusiness);
    Optional.ofNullable(s.get("serviceUser")).ifPresent(b::serviceUser);
    Optional.ofNullable(s.get("serviceUserTitle")).ifPresent(b::serviceUserTitle);
    Optional.ofNullable(s.get("notificationEmail")).ifPresent(b::notificationEmail);
    Optional.ofNullable(s.get("notes")).ifPresent(b::notes);
    duration(s, "connectTimeout", v, b::connectTimeout);
    duration(s, "requestTimeout", v, b::requestTimeout);
    duration(s, "initialBackoff", v, b::initialBackoff);
    duration(s, "maxBackoff", v, b::maxBackoff);
    duration(s, "maxRetryAfter", v, b::maxRetryAfter);
    duration(s, "retryBudget", v, b::retryBudget);
    duration(s, "orderWait", v, b::orderWait);
    duration(s, "orderPollInterval", v, b::orderPollInterval);
    duration(s, "tokenLifetime", v, b::tokenLifetime);
    duration(s, "resubmitAfter", v, b::resubmitAfter);
    read(s, "maxAttempts", v, raw -> {
      try {
        return Integer.valueOf(raw.strip());
      } catch (NumberFormatException e) {
        return null;
      }
    }, "integer", "must be a whole number", b::maxAttempts);
    read(s, "requestsPerSecond", v, raw -> {
      try {
        double d = Double.parseDouble(raw.strip());
        return Double.isFinite(d) ? d : null;
      } catch (NumberFormatException e) {
        return null;
      }
    }, "number", "must be a number such as 2 or 0.5", b::requestsPerSecond);
    b.validate(v, "settings.", "secrets.");
    v.throwIfAny();
    return b.build();
  }

  private static <T> void read(Map<String, String> s, String key, Violations v, Function<String, T> parse, String rule,
      String message, Consumer<T> set) {
    String raw = s.get(key);
    if (raw == null) {
      return;
    }
    T value = parse.apply(raw);
    if (value == null) {
      v.add("settings." + key, rule, message);
    } else {
      set.accept(value);
    }
  }

  private static void duration(Map<String, String> s, String key, Violations v, Consumer<Duration> set) {
    read(s, key, v, raw -> {
      try {
        return Duration.parse(raw.strip());
      } catch (DateTimeParseException e) {
        return null;
      }
    }, "duration", "must be an ISO-8601 duration such as PT10S", set);
  }

  /** The API base URL, e.g. {@code https://customer.intelepeer.com}. */
  public URI baseUrl() {
    return baseUrl;
  }

  /** The API contract spoken. */
  public IntelePeerContract contract() {
    return contract;
  }

  /** What precedes the token in {@code Authorization}: empty (raw token) or {@code "Bearer "}. */
  public String authorizationPrefix() {
    return authorizationPrefix;
  }

  /** The API user name. */
  public Secret username() {
    return username;
  }

  /** The API user's password. */
  public Secret password() {
    return password;
  }

  /** {@code serviceBusiness}: the company ordering E911. */
  public String serviceBusiness() {
    return serviceBusiness;
  }

  /** {@code serviceUser}: the person ordering. */
  public String serviceUser() {
    return serviceUser;
  }

  /** {@code serviceUserTitle}: that person's title. */
  public String serviceUserTitle() {
    return serviceUserTitle;
  }

  /** {@code Email}: who IntelePeer notifies about order status changes, if set. */
  public Optional<String> notificationEmail() {
    return Optional.ofNullable(notificationEmail);
  }

  /** {@code Notes} sent with every order, if set. */
  public Optional<String> notes() {
    return Optional.ofNullable(notes);
  }

  /** TCP connect timeout. */
  public Duration connectTimeout() {
    return connectTimeout;
  }

  /** Time one HTTP attempt may take, headers and body. */
  public Duration requestTimeout() {
    return requestTimeout;
  }

  /** HTTP attempts per request, including the first. */
  public int maxAttempts() {
    return maxAttempts;
  }

  /** Backoff before the first retry. */
  public Duration initialBackoff() {
    return initialBackoff;
  }

  /** Cap on any backoff. */
  public Duration maxBackoff() {
    return maxBackoff;
  }

  /** Longest {@code Retry-After} honoured. */
  public Duration maxRetryAfter() {
    return maxRetryAfter;
  }

  /** Time after the first attempt beyond which no retry starts. */
  public Duration retryBudget() {
    return retryBudget;
  }

  /** Client-side rate limit, requests per second (all requests of this adapter). */
  public double requestsPerSecond() {
    return requestsPerSecond;
  }

  /** How long provisioning follows an asynchronous order before answering {@code Pending}. */
  public Duration orderWait() {
    return orderWait;
  }

  /** Pause between two looks at an order. */
  public Duration orderPollInterval() {
    return orderPollInterval;
  }

  /** How long a token is used before a new one is requested (IntelePeer: 24 h). */
  public Duration tokenLifetime() {
    return tokenLifetime;
  }

  /**
   * v3 only: for how long an E911 order IntelePeer accepted from this adapter stands for the record
   * it carried. Provisioning the same record again within this time, while the DID list shows E911 on
   * the number, sends no second order (v3 publishes no way to read the address or the order back, so
   * there is nothing else to compare with); after it, the record is sent again, with the same
   * {@code referenceID}. A number the DID list shows without E911 is always sent at once.
   */
  public Duration resubmitAfter() {
    return resubmitAfter;
  }

  @Override
  public String toString() {
    return "IntelePeerSettings[baseUrl=" + baseUrl + ", contract=" + contract.configName() + ", authorizationPrefix="
        + (authorizationPrefix.isEmpty() ? "(raw token)" : authorizationPrefix.strip()) + ", username=***, password=***"
        + ", requestTimeout=" + requestTimeout + ", maxAttempts=" + maxAttempts + ", requestsPerSecond="
        + requestsPerSecond + ", orderWait=" + orderWait + "]";
  }

  /** Builder for {@link IntelePeerSettings}; {@link #build()} reports every problem at once. */
  public static final class Builder {
    private URI baseUrl = DEFAULT_BASE_URL;
    private IntelePeerContract contract = IntelePeerContract.V3;
    private String authorizationPrefix;
    private Secret username;
    private Secret password;
    private String serviceBusiness;
    private String serviceUser;
    private String serviceUserTitle;
    private String notificationEmail;
    private String notes;
    private Duration connectTimeout = Duration.ofSeconds(5);
    private Duration requestTimeout = Duration.ofSeconds(15);
    private int maxAttempts = 4;
    private Duration initialBackoff = Duration.ofMillis(500);
    private Duration maxBackoff = Duration.ofSeconds(10);
    private Duration maxRetryAfter = Duration.ofSeconds(60);
    private Duration retryBudget = Duration.ofMinutes(2);
    private double requestsPerSecond = 2.0;
    private Duration orderWait = Duration.ofSeconds(30);
    private Duration orderPollInterval = Duration.ofSeconds(2);
    private Duration tokenLifetime = Duration.ofHours(24);
    private Duration resubmitAfter = Duration.ofHours(24);

    private Builder() {}

    /** API base URL, absolute http(s). Default {@link IntelePeerSettings#DEFAULT_BASE_URL}. */
    public Builder baseUrl(URI baseUrl) {
      this.baseUrl = baseUrl;
      return this;
    }

    /** Contract. Default {@link IntelePeerContract#V3}. */
    public Builder contract(IntelePeerContract contract) {
      this.contract = contract;
      return this;
    }

    /**
     * {@code ""} / {@code none} / {@code raw} for a bare token, {@code Bearer} for {@code Bearer <token>}.
     * Default: raw for v3 (IntelePeer's current E911 pages), {@code Bearer} for the assumed contract.
     */
    public Builder authorizationPrefix(String prefix) {
      this.authorizationPrefix = prefix;
      return this;
    }

    /** The API user (Customer Portal user with Access = "API"). Required. */
    public Builder username(Secret username) {
      this.username = username;
      return this;
    }

    /** The API user's password. Required. */
    public Builder password(Secret password) {
      this.password = password;
      return this;
    }

    /** {@code serviceBusiness}; required for v3. */
    public Builder serviceBusiness(String v) {
      this.serviceBusiness = v;
      return this;
    }

    /** {@code serviceUser}; required for v3. */
    public Builder serviceUser(String v) {
      this.serviceUser = v;
      return this;
    }

    /** {@code serviceUserTitle}; required for v3. */
    public Builder serviceUserTitle(String v) {
      this.serviceUserTitle = v;
      return this;
    }

    /** {@code Email} for order status notifications; optional. */
    public Builder notificationEmail(String v) {
      this.notificationEmail = v;
      return this;
    }

    /** {@code Notes} for every order; optional. */
    public Builder notes(String v) {
      this.notes = v;
      return this;
    }

    /** TCP connect timeout. Default 5 s. */
    public Builder connectTimeout(Duration v) {
      this.connectTimeout = v;
      return this;
    }

    /** Per-attempt timeout. Default 15 s. */
    public Builder requestTimeout(Duration v) {
      this.requestTimeout = v;
      return this;
    }

    /** Attempts per request, 1 to 10. Default 4. */
    public Builder maxAttempts(int v) {
      this.maxAttempts = v;
      return this;
    }

    /** First backoff. Default 500 ms. */
    public Builder initialBackoff(Duration v) {
      this.initialBackoff = v;
      return this;
    }

    /** Backoff cap. Default 10 s. */
    public Builder maxBackoff(Duration v) {
      this.maxBackoff = v;
      return this;
    }

    /** Longest {@code Retry-After} honoured. Default 60 s. */
    public Builder maxRetryAfter(Duration v) {
      this.maxRetryAfter = v;
      return this;
    }

    /** Retry time budget per request. Default 2 min. */
    public Builder retryBudget(Duration v) {
      this.retryBudget = v;
      return this;
    }

    /** Client-side rate limit, requests per second, 0.01 to 1000. Default 2. */
    public Builder requestsPerSecond(double v) {
      this.requestsPerSecond = v;
      return this;
    }

    /** Bounded wait for asynchronous orders. Default 30 s. */
    public Builder orderWait(Duration v) {
      this.orderWait = v;
      return this;
    }

    /** Pause between order polls. Default 2 s. */
    public Builder orderPollInterval(Duration v) {
      this.orderPollInterval = v;
      return this;
    }

    /** Token lifetime. Default 24 h. */
    public Builder tokenLifetime(Duration v) {
      this.tokenLifetime = v;
      return this;
    }

    /** v3: how long an accepted order stands for its record before the same record is sent again. Default 24 h, at most 7 days. */
    public Builder resubmitAfter(Duration v) {
      this.resubmitAfter = v;
      return this;
    }

    /**
     * Checks every option and builds.
     *
     * @throws InvalidValueException listing every problem
     */
    public IntelePeerSettings build() {
      Violations v = Violations.forType("IntelePeerSettings");
      validate(v, "", "");
      v.throwIfAny();
      return new IntelePeerSettings(this, prefix().orElseThrow());
    }

    private Optional<String> prefix() {
      if (authorizationPrefix == null) {
        return Optional.of(contract == IntelePeerContract.ASSUMED ? "Bearer " : "");
      }
      String p = authorizationPrefix.strip().toLowerCase(Locale.ROOT);
      return switch (p) {
        case "", "none", "raw" -> Optional.of("");
        case "bearer" -> Optional.of("Bearer ");
        default -> Optional.empty();
      };
    }

    void validate(Violations v, String settings, String secrets) {
      if (baseUrl == null) {
        v.add(settings + "baseUrl", "required", "is required");
      } else {
        v.check(baseUrl.getScheme() == null || !Set.of("http", "https").contains(baseUrl.getScheme().toLowerCase(Locale.ROOT))
            || baseUrl.getHost() == null, settings + "baseUrl", "uri", "must be an absolute http(s) URL");
        v.check(baseUrl.getRawUserInfo() != null || baseUrl.getRawQuery() != null, settings + "baseUrl", "uri",
            "must carry no user-info or query (credentials belong in secrets)");
      }
      v.check(contract == null, settings + "contract", "required", "is required");
      v.check(prefix().isEmpty(), settings + "authorizationPrefix", "authorization-prefix",
          "must be empty, none or raw (bare token) or Bearer");
      v.check(username == null, secrets + "username", "required", "is required");
      v.check(password == null, secrets + "password", "required", "is required");
      if (contract == IntelePeerContract.V3) {
        requiredText(v, settings + "serviceBusiness", serviceBusiness);
        requiredText(v, settings + "serviceUser", serviceUser);
        requiredText(v, settings + "serviceUserTitle", serviceUserTitle);
      }
      positive(v, settings + "connectTimeout", connectTimeout, Duration.ofMinutes(5));
      positive(v, settings + "requestTimeout", requestTimeout, Duration.ofMinutes(5));
      v.check(maxAttempts < 1 || maxAttempts > 10, settings + "maxAttempts", "range", "must be between 1 and 10");
      v.check(initialBackoff == null || initialBackoff.isNegative(), settings + "initialBackoff", "range",
          "must not be negative");
      positive(v, settings + "maxBackoff", maxBackoff, Duration.ofMinutes(10));
      v.check(initialBackoff != null && maxBackoff != null && initialBackoff.compareTo(maxBackoff) > 0,
          settings + "initialBackoff", "range", "must not exceed maxBackoff");
      v.check(maxRetryAfter == null || maxRetryAfter.isNegative() || maxRetryAfter.compareTo(Duration.ofHours(1)) > 0,
          settings + "maxRetryAfter", "range", "must be between 0 and 1 hour");
      positive(v, settings + "retryBudget", retryBudget, Duration.ofHours(1));
      v.check(!(requestsPerSecond >= 0.01 && requestsPerSecond <= 1000), settings + "requestsPerSecond", "range",
          "must be between 0.01 and 1000");
      v.check(orderWait == null || orderWait.isNegative() || orderWait.compareTo(Duration.ofMinutes(30)) > 0,
          settings + "orderWait", "range", "must be between 0 and 30 minutes");
      positive(v, settings + "orderPollInterval", orderPollInterval, Duration.ofMinutes(5));
      positive(v, settings + "tokenLifetime", tokenLifetime, Duration.ofDays(1));
      positive(v, settings + "resubmitAfter", resubmitAfter, Duration.ofDays(7));
    }

    private static void requiredText(Violations v, String path, String value) {
      v.check(value == null || value.isBlank(), path, "required",
          "is required: IntelePeer asks for the requester on every E911 order");
    }

    private static void positive(Violations v, String path, Duration d, Duration max) {
      v.check(d == null || d.isNegative() || d.isZero() || d.compareTo(max) > 0, path, "range",
          "must be positive and at most " + max);
    }
  }
}
