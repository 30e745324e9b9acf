package dev.e911.core;

import dev.e911.api.routing.EmergencyRoute;
import dev.e911.api.spi.CarrierAdapter;
import dev.e911.api.spi.CarrierProvider;
import dev.e911.api.spi.LocationStore;
import dev.e911.api.spi.PlatformAdapter;
import dev.e911.api.spi.StoreException;
import dev.e911.api.validation.InvalidValueException;
import dev.e911.api.validation.Violation;
import dev.e911.core.config.ComponentSettings;
import dev.e911.core.config.ConfigLoader;
import dev.e911.core.config.ContactCenterConfig;
import dev.e911.core.gate.AvailabilityGate;
import dev.e911.core.location.LocationService;
import dev.e911.core.notify.NotificationDispatcher;
import dev.e911.core.notify.NotifierFactory;
import dev.e911.api.spi.EmergencyNotifier;
import dev.e911.core.route.EmergencyRouter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceLoader;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The entry point: wires a contact center's configuration, clock, store, carrier, platform,
 * Kari's Law notifiers and emergency listeners into the {@link LocationService} (where agents are), the
 * {@link AvailabilityGate} (the hard stop) and the {@link EmergencyRouter} (the hot path). Explicit
 * instances come first ({@code carrier(adapter)}); a carrier named in the configuration's
 * {@code carriers} is otherwise created through its {@link CarrierProvider}, found with
 * {@link ServiceLoader}, its secrets read from the environment. With a carrier and at least one
 * site ELIN pool, a daemon thread provisions pool ELIN bindings off the call path: woken by each
 * update the router asks for, and every 30 seconds for retries.
 */
public final class E911 implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(E911.class);
  /** How often the pool ELIN binding worker retries updates that failed or are still pending. */
  static final long ELIN_BINDING_RETRY_SECONDS = 30;

  private final ContactCenterConfig config;
  private final LocationService locations;
  private final AvailabilityGate gate;
  private final EmergencyRouter router;
  private final CarrierAdapter carrier;
  private final NotificationDispatcher notifications;
  private final ElinBindingWorker elinBindingWorker;

  private E911(Builder b, CarrierAdapter carrier, NotificationDispatcher notifications) {
    this.notifications = notifications;
    this.config = b.config;
    this.carrier = carrier;
    LocationService.Builder lb = LocationService.builder(b.config).clock(b.clock);
    if (b.store != null) {
      lb.store(b.store);
    }
    if (carrier != null) {
      lb.carrier(carrier);
    }
    if (b.platform != null) {
      lb.platform(b.platform);
    }
    this.locations = lb.build();
    this.gate = new AvailabilityGate(locations);
    List<Consumer<EmergencyRoute.Emergency>> listeners = new ArrayList<>(b.emergencyListeners);
    if (notifications != null) {
      listeners.add(0, notifications.routerListener(id -> b.config.agent(id).map(a -> a.displayName()).orElse("")));
    }
    @SuppressWarnings("unchecked")
    Consumer<EmergencyRoute.Emergency>[] each = listeners.toArray(new Consumer[0]);
    Consumer<EmergencyRoute.Emergency> all = e -> { // a plain loop: forEach's lambda would capture e on every call
      for (Consumer<EmergencyRoute.Emergency> l : each) {
        try {
          l.accept(e);
        } catch (RuntimeException ex) { // one failing listener must not keep the others from hearing the call
          LOG.warn("an emergency listener failed: {}", ex.toString());
        }
      }
    };
    this.router = EmergencyRouter.create(locations, b.config, b.entityDomain, all);
    boolean pools = b.config.sites().stream().anyMatch(s -> !s.elinPool().isEmpty());
    this.elinBindingWorker = carrier != null && pools ? new ElinBindingWorker(locations) : null;
  }

  /** Starts wiring. */
  public static Builder builder() {
    return new Builder();
  }

  /** The configuration in force. */
  public ContactCenterConfig config() {
    return config;
  }

  /** Where agents are: observations, confirmations, history. */
  public LocationService locations() {
    return locations;
  }

  /** The availability hard stop. */
  public AvailabilityGate gate() {
    return gate;
  }

  /** The emergency-call hot path. */
  public EmergencyRouter router() {
    return router;
  }

  /**
   * Stops the pool ELIN binding worker (updates not yet performed stay in the outbox) and the
   * notification dispatcher's workers (after the notifications in flight are recorded).
   */
  @Override
  public void close() {
    if (elinBindingWorker != null) {
      elinBindingWorker.close();
    }
    if (notifications != null) {
      notifications.close();
    }
  }

  /** The Kari's Law notification dispatcher, when notifiers are configured. */
  public java.util.Optional<NotificationDispatcher> notifications() {
    return java.util.Optional.ofNullable(notifications);
  }

  /** The carrier in use, if any. */
  public java.util.Optional<CarrierAdapter> carrier() {
    return java.util.Optional.ofNullable(carrier);
  }

  /**
   * Every {@link CarrierProvider} on the class path, by name.
   *
   * @throws InvalidValueException when two providers claim the same name
   */
  public static Map<String, CarrierProvider> discoverCarrierProviders(ClassLoader loader) {
    Map<String, CarrierProvider> found = new HashMap<>();
    List<Violation> duplicates = new ArrayList<>();
    for (CarrierProvider p : ServiceLoader.load(CarrierProvider.class, loader)) {
      CarrierProvider previous = found.putIfAbsent(p.name(), p);
      if (previous != null) {
        duplicates.add(new Violation("carriers." + p.name(), "provider.duplicate", "is provided by both "
            + previous.getClass().getName() + " and " + p.getClass().getName()));
      }
    }
    if (!duplicates.isEmpty()) {
      throw new InvalidValueException("CarrierProvider", duplicates);
    }
    LOG.debug("carrier providers found: {}", found.keySet());
    return Map.copyOf(found);
  }

  /** One daemon thread that writes the router's pool ELIN binding updates to the outbox and performs them. */
  private static final class ElinBindingWorker implements AutoCloseable {
    private final LocationService locations;
    private final ScheduledThreadPoolExecutor executor;
    private final AtomicBoolean woken = new AtomicBoolean();

    ElinBindingWorker(LocationService locations) {
      this.locations = locations;
      this.executor = new ScheduledThreadPoolExecutor(1, r -> {
        Thread t = new Thread(r, "e911-elin-bindings");
        t.setDaemon(true);
        return t;
      });
      executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
      executor.scheduleWithFixedDelay(this::run, ELIN_BINDING_RETRY_SECONDS, ELIN_BINDING_RETRY_SECONDS, TimeUnit.SECONDS);
      locations.elinBindings().onRequest(this::wake);
    }

    /** On the router's thread: never blocks; many wake-ups before the worker runs make one run. */
    private void wake() {
      if (woken.compareAndSet(false, true)) {
        try {
          executor.execute(() -> {
            woken.set(false);
            run();
          });
        } catch (RejectedExecutionException closed) {
          woken.set(false);
        }
      }
    }

    private void run() {
      try {
        locations.processElinBindings();
      } catch (RuntimeException e) {
        LOG.warn("pool ELIN bindings not processed now ({}); retried later",
            e instanceof StoreException ? e.getMessage() : e.getClass().getSimpleName());
      }
    }

    @Override
    public void close() {
      executor.shutdownNow();
    }
  }

  /** Wires an {@link E911}; only the configuration is required. */
  public static final class Builder {
    private ContactCenterConfig config;
    private Clock clock = Clock.systemUTC();
    private LocationStore store;
    private CarrierAdapter carrier;
    private PlatformAdapter platform;
    private String entityDomain = "e911.invalid";
    private Function<String, String> environment = System::getenv;
    private final List<Consumer<EmergencyRoute.Emergency>> emergencyListeners = new ArrayList<>();
    private final List<EmergencyNotifier> notifiers = new ArrayList<>();

    private Builder() {}

    /** The contact center. */
    public Builder config(ContactCenterConfig config) {
      this.config = Objects.requireNonNull(config, "config");
      return this;
    }

    /** The contact center, loaded from a file ({@link ConfigLoader}). */
    public Builder configFile(Path file) {
      return config(ConfigLoader.load(file));
    }

    /** The clock (default: system UTC). */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** The durable store (default: in memory). */
    public Builder store(LocationStore store) {
      this.store = Objects.requireNonNull(store, "store");
      return this;
    }

    /** The carrier, explicitly (otherwise the configuration's first carrier, through its provider). */
    public Builder carrier(CarrierAdapter carrier) {
      this.carrier = Objects.requireNonNull(carrier, "carrier");
      return this;
    }

    /** The contact-center platform. */
    public Builder platform(PlatformAdapter platform) {
      this.platform = Objects.requireNonNull(platform, "platform");
      return this;
    }

    /** The domain of PIDF-LO entity URIs ({@code pres:agent@domain}). */
    public Builder entityDomain(String domain) {
      this.entityDomain = Objects.requireNonNull(domain, "domain");
      return this;
    }

    /** Where configured secrets are read from (default: the process environment). */
    public Builder environment(Function<String, String> environment) {
      this.environment = Objects.requireNonNull(environment, "environment");
      return this;
    }

    /**
     * A Kari's Law notifier, explicitly (otherwise the configuration's {@code notifiers} are built by
     * {@link NotifierFactory}). Every emergency routed is dispatched to them asynchronously: a slow
     * notifier never delays a call.
     */
    public Builder notifier(EmergencyNotifier notifier) {
      notifiers.add(Objects.requireNonNull(notifier, "notifier"));
      return this;
    }

    /** Called for every emergency routed (on the router's caller thread: must not block). */
    public Builder onEmergency(Consumer<EmergencyRoute.Emergency> listener) {
      emergencyListeners.add(Objects.requireNonNull(listener, "listener"));
      return this;
    }

    /**
     * Builds it.
     *
     * @throws InvalidValueException naming every problem (no configuration, unknown carrier type, bad carrier settings)
     */
    public E911 build() {
      if (config == null) {
        throw new InvalidValueException("E911", List.of(new Violation("config", "required", "is required")));
      }
      CarrierAdapter c = carrier;
      if (c == null && !config.carriers().isEmpty()) {
        ComponentSettings s = config.carriers().get(0);
        CarrierProvider p = discoverCarrierProviders(Thread.currentThread().getContextClassLoader()).get(s.type());
        if (p == null) {
          throw new InvalidValueException("E911", List.of(new Violation("carriers[0].type", "provider.unknown",
              "no carrier provider named '" + s.type() + "' is on the class path")));
        }
        try {
          c = p.create(s.toCarrierConfig(environment));
        } catch (InvalidValueException e) {
          throw e.under("carriers[0]");
        }
      }
      NotificationDispatcher dispatcher = null;
      if (!notifiers.isEmpty()) {
        dispatcher = NotificationDispatcher.builder().clock(clock).notifiers(notifiers.toArray(EmergencyNotifier[]::new)).build();
      } else if (!config.notifiers().isEmpty()) {
        NotifierFactory factory = NotifierFactory.builder(environment).clock(clock).build();
        dispatcher = NotificationDispatcher.builder().clock(clock).groups(factory.groups(config.notifiers())).build();
      }
      return new E911(this, c, dispatcher);
    }
  }
}
