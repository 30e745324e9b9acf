package dev.e911.core.notify;

import dev.e911.api.spi.EmergencyNotifier;
import dev.e911.api.spi.Secret;
import dev.e911.api.validation.InvalidValueException;
import dev.e911.api.validation.Violations;
import dev.e911.core.config.ComponentSettings;
import dev.e911.core.http.RetryPolicy;
import dev.e911.core.http.Sleeper;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Builds notifiers from the configuration file's {@code notifiers} ({@link ComponentSettings}): type
 * {@code webhook} ({@link WebhookNotifier}) or {@code log} ({@link LoggingNotifier}), and groups them into
 * the escalation ladder by their {@code escalationLevel} setting. Every problem of every notifier is
 * reported at once in one {@link InvalidValueException} whose violations name the setting
 * ({@code notifiers[1].settings.url}, {@code notifiers[1].secretsFromEnv.signingSecret}) and never echo a
 * value. The settings are listed in {@code docs/notifications.md}.
 */
public final class NotifierFactory {

  /** The notifier types this factory knows. */
  public static final Set<String> TYPES = Set.of("webhook", "log");

  private static final Set<String> COMMON = Set.of("escalationLevel");
  private static final Set<String> WEBHOOK_SETTINGS = Set.of("url", "timeout", "maxAttempts", "requireAcknowledgement");
  private static final Set<String> LOG_SETTINGS = Set.of("recipient");
  private static final String SIGNING_SECRET = "signingSecret";

  private final Function<String, String> env;
  private final HttpClient client;
  private final Clock clock;
  private final Sleeper sleeper;

  private NotifierFactory(Builder b) {
    this.env = b.env;
    this.client = b.client;
    this.clock = b.clock;
    this.sleeper = b.sleeper;
  }

  /** A builder reading secrets from {@code env} (usually {@code System::getenv}). */
  public static Builder builder(Function<String, String> env) {
    return new Builder(env);
  }

  /**
   * One notifier.
   *
   * @throws InvalidValueException naming every bad setting
   */
  public EmergencyNotifier create(ComponentSettings settings) {
    Violations v = Violations.forType("notifier " + settings.id());
    EmergencyNotifier n = build(v, settings);
    v.throwIfAny();
    return n;
  }

  /**
   * All of them, in order.
   *
   * @throws InvalidValueException naming every bad setting of every notifier, under {@code notifiers[i]}
   */
  public List<EmergencyNotifier> createAll(List<ComponentSettings> all) {
    Violations v = Violations.forType("notifiers");
    List<EmergencyNotifier> out = new ArrayList<>();
    for (int i = 0; i < all.size(); i++) {
      ComponentSettings s = all.get(i);
      Violations one = Violations.forType("notifier");
      EmergencyNotifier n = build(one, s);
      try {
        one.throwIfAny();
        out.add(n);
      } catch (InvalidValueException e) {
        v.addAll("notifiers[" + i + "]", e.violations());
      }
    }
    v.throwIfAny();
    return List.copyOf(out);
  }

  /**
   * The escalation ladder: the notifiers grouped by {@code escalationLevel} (1 first, then 2 ...), each
   * group named {@code level-N}.
   *
   * @throws InvalidValueException as {@link #createAll}, and when the list is empty
   */
  public List<RecipientGroup> groups(List<ComponentSettings> all) {
    if (all.isEmpty()) {
      Violations.forType("notifiers").add("notifiers", "required", "at least one notifier is required").throwIfAny();
    }
    List<EmergencyNotifier> notifiers = createAll(all);
    TreeMap<Integer, List<EmergencyNotifier>> byLevel = new TreeMap<>();
    for (int i = 0; i < all.size(); i++) {
      byLevel.computeIfAbsent(level(all.get(i).settings()), k -> new ArrayList<>()).add(notifiers.get(i));
    }
    List<RecipientGroup> groups = new ArrayList<>();
    byLevel.forEach((level, ns) -> groups.add(new RecipientGroup("level-" + level, ns)));
    return List.copyOf(groups);
  }

  private static int level(Map<String, String> settings) {
    String s = settings.get("escalationLevel");
    return s == null ? 1 : Integer.parseInt(s.strip());
  }

  private EmergencyNotifier build(Violations v, ComponentSettings s) {
    Map<String, String> settings = s.settings();
    String level = settings.get("escalationLevel");
    v.check(level != null && !level.strip().matches("[1-9]"), "settings.escalationLevel", "range", "must be 1 – 9");
    switch (s.type()) {
      case "webhook":
        return webhook(v, s);
      case "log":
        return log(v, s);
      default:
        v.add("type", "notifier.type", "unknown notifier type; known: " + new java.util.TreeSet<>(TYPES));
        return null;
    }
  }

  private static void unknownKeys(Violations v, ComponentSettings s, Set<String> allowed, Set<String> secrets) {
    for (String key : new java.util.TreeSet<>(s.settings().keySet())) {
      v.check(!allowed.contains(key) && !COMMON.contains(key), "settings." + key, "unknown.setting",
          "is not a setting of a " + s.type() + " notifier");
    }
    for (String key : new java.util.TreeSet<>(s.secretsFromEnv().keySet())) {
      v.check(!secrets.contains(key), "secretsFromEnv." + key, "unknown.secret", "is not a secret of a " + s.type() + " notifier");
    }
  }

  private EmergencyNotifier webhook(Violations v, ComponentSettings s) {
    unknownKeys(v, s, WEBHOOK_SETTINGS, Set.of(SIGNING_SECRET));
    Map<String, String> m = s.settings();
    URI uri = null;
    String url = m.get("url");
    if (url == null || url.isBlank()) {
      v.add("settings.url", "required", "is required");
    } else {
      try {
        URI parsed = new URI(url.strip());
        uri = v.nested("", () -> {
          Violations u = Violations.forType("notifier");
          WebhookNotifier.Builder.checkUri(u, "settings.url", parsed);
          u.throwIfAny();
          return parsed;
        });
      } catch (URISyntaxException e) {
        v.add("settings.url", "url.syntax", "is not a valid URL");
      }
    }
    Duration timeout = Duration.ofSeconds(5);
    String t = m.get("timeout");
    if (t != null) {
      try {
        timeout = Duration.parse(t.strip());
        v.check(timeout.compareTo(Duration.ofMillis(100)) < 0 || timeout.compareTo(Duration.ofMinutes(1)) > 0,
            "settings.timeout", "range", "must be PT0.1S – PT60S");
      } catch (DateTimeParseException e) {
        v.add("settings.timeout", "duration", "must be an ISO-8601 duration such as PT5S");
      }
    }
    int attempts = 3;
    String a = m.get("maxAttempts");
    if (a != null) {
      v.check(!a.strip().matches("[0-9]{1,2}") || Integer.parseInt(a.strip()) < 1 || Integer.parseInt(a.strip()) > 10,
          "settings.maxAttempts", "range", "must be a whole number 1 – 10");
      attempts = a.strip().matches("[0-9]{1,2}") ? Integer.parseInt(a.strip()) : attempts;
    }
    boolean ack = bool(v, m, "requireAcknowledgement");
    Secret secret = null;
    if (!s.secretsFromEnv().containsKey(SIGNING_SECRET)) {
      v.add("secretsFromEnv." + SIGNING_SECRET, "required", "names the environment variable holding the HMAC signing secret");
    } else {
      Map<String, Secret> resolved = v.nested("", () -> s.resolveSecrets(env));
      if (resolved != null) {
        secret = resolved.get(SIGNING_SECRET);
        v.check(secret != null && secret.reveal().length() < 16, "secretsFromEnv." + SIGNING_SECRET, "min.length",
            "the secret must be at least 16 characters");
      }
    }
    if (!v.isEmpty() || uri == null || secret == null) {
      return null;
    }
    WebhookNotifier.Builder b = WebhookNotifier.builder(s.id(), uri, secret).attemptTimeout(timeout).requireAcknowledgement(ack)
        .clock(clock).sleeper(sleeper)
        .retryPolicy(RetryPolicy.custom().maxAttempts(attempts).initialBackoff(Duration.ofMillis(250))
            .maxBackoff(Duration.ofSeconds(2)).maxTotalTime(Duration.ofSeconds(20)).maxRetryAfter(Duration.ofSeconds(30))
            .retryableStatuses(Set.of(429, 500, 502, 503, 504)).retryNonIdempotentWhenUncertain(true).build());
    if (client != null) {
      b.httpClient(client);
    }
    return v.nested("", b::build);
  }

  private static boolean bool(Violations v, Map<String, String> m, String key) {
    String value = m.get(key);
    if (value == null) {
      return false;
    }
    String b = value.strip();
    v.check(!b.equals("true") && !b.equals("false"), "settings." + key, "boolean", "must be true or false");
    return b.equals("true");
  }

  private EmergencyNotifier log(Violations v, ComponentSettings s) {
    unknownKeys(v, s, LOG_SETTINGS, Set.of());
    if (!v.isEmpty()) {
      return null;
    }
    String recipient = s.settings().getOrDefault("recipient", "");
    return v.nested("", () -> LoggingNotifier.builder(s.id()).recipient(recipient).build());
  }

  /** Builds a {@link NotifierFactory}. */
  public static final class Builder {
    private final Function<String, String> env;
    private HttpClient client;
    private Clock clock = Clock.systemUTC();
    private Sleeper sleeper = Sleeper.system();

    private Builder(Function<String, String> env) {
      this.env = Objects.requireNonNull(env, "env");
    }

    /** One JDK client shared by every webhook. Default each webhook builds its own. */
    public Builder httpClient(HttpClient client) {
      this.client = Objects.requireNonNull(client, "client");
      return this;
    }

    /** The clock of the webhooks' signature timestamps. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** How webhooks wait between HTTP retries. */
    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
      return this;
    }

    public NotifierFactory build() {
      return new NotifierFactory(this);
    }
  }
}
