package dev.e911.genesys.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.e911.api.spi.PlatformAdapter;
import dev.e911.api.spi.PlatformEvent;
import dev.e911.api.spi.PlatformResult;
import dev.e911.api.spi.RemoteFailure;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live event stream of {@code GenesysPlatform.subscribe}: the users' topics are split into
 * shards of at most the per-channel limit; each shard creates a channel ({@code POST /channels}),
 * replaces its subscriptions ({@code PUT /channels/{id}/subscriptions}, a {@code Rejected} topic is a
 * permission failure) and holds a websocket on the {@code connectUri}. Heartbeats and any other
 * message count as life; after half the silence timeout a ping is sent, after the whole timeout the
 * socket is treated as dead. {@code socket_closing} and the approach of {@code expires} open a new
 * channel, subscribe and connect, and only then drop the old one. A dropped socket is reconnected
 * with capped exponential backoff and equal jitter; while a shard holds no socket its users are
 * polled over REST at the poll interval, and after every (re)connect they are polled once so that
 * nothing missed while disconnected is lost. All state changes run on one scheduler thread, which
 * {@link #close()} stops. The {@code connectUri} (the socket's credential) is never logged.
 */
public final class NotificationStream implements PlatformAdapter.Subscription {

  private static final Logger LOG = LoggerFactory.getLogger(NotificationStream.class);
  private static final AtomicInteger THREADS = new AtomicInteger();

  /** The stream's timing, checked by the public builder. */
  public record Settings(Duration heartbeatTimeout, Duration pollInterval, Duration reconnectInitial, Duration reconnectMax,
      Duration renewBeforeExpiry, int topicsPerChannel, Duration connectTimeout) {}

  private final GenesysClient client;
  private final HttpClient http;
  private final Settings settings;
  private final Clock clock;
  private final Consumer<PlatformEvent> listener;
  private final ScheduledExecutorService exec;
  private final List<Shard> shards = new ArrayList<>();
  private volatile boolean closed;
  private final Consumer<NotificationStream> onClose;
  private volatile Thread worker;

  private final class Shard {
    final int index;
    final List<String> users;
    Connection conn;
    int failures;
    boolean announcedDown;
    ScheduledFuture<?> retry;
    ScheduledFuture<?> renew;
    ScheduledFuture<?> poll;
    /** A subscribed channel whose socket could not be opened, tried again before creating another. */
    NotificationMapping.Channel spare;
    Instant spareExpires;
    int spareTries;

    Shard(int index, List<String> users) {
      this.index = index;
      this.users = users;
    }

    String name() {
      return "channel " + (index + 1) + "/" + shards.size();
    }
  }

  /** One channel with its socket; callbacks come on the HTTP client's threads. */
  private final class Connection implements WebSocket.Listener {
    final Shard shard;
    final String channelId;
    final Instant expires;
    volatile WebSocket ws;
    volatile long lastSeenNanos = System.nanoTime();
    volatile long pingedAtNanos;
    volatile boolean retired;
    private final StringBuilder partial = new StringBuilder();
    private boolean oversized;

    Connection(Shard shard, String channelId, Instant expires) {
      this.shard = shard;
      this.channelId = channelId;
      this.expires = expires;
    }

    @Override
    public void onOpen(WebSocket webSocket) {
      webSocket.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      lastSeenNanos = System.nanoTime();
      if (!oversized) {
        if (partial.length() + data.length() > NotificationMapping.MAX_MESSAGE_BYTES) {
          oversized = true;
          partial.setLength(0);
        } else {
          partial.append(data);
        }
      }
      if (last) {
        String text = partial.toString();
        boolean tooBig = oversized;
        partial.setLength(0);
        oversized = false;
        if (tooBig) {
          LOG.warn("{}: dropped a notification larger than {} bytes", shard.name(), NotificationMapping.MAX_MESSAGE_BYTES);
        } else if (!retired) {
          handle(this, NotificationMapping.decode(text));
        }
      }
      webSocket.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket webSocket, java.nio.ByteBuffer data, boolean last) {
      lastSeenNanos = System.nanoTime();
      webSocket.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onPing(WebSocket webSocket, java.nio.ByteBuffer message) {
      lastSeenNanos = System.nanoTime();
      webSocket.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onPong(WebSocket webSocket, java.nio.ByteBuffer message) {
      lastSeenNanos = System.nanoTime();
      webSocket.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
      later(() -> dropped(this, "the socket closed (" + statusCode + ")"));
      return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
      later(() -> dropped(this, "the socket failed (" + error.getClass().getSimpleName() + ")"));
    }

    void close() {
      retired = true;
      WebSocket w = ws;
      if (w != null) {
        try {
          w.sendClose(WebSocket.NORMAL_CLOSURE, "").orTimeout(1, TimeUnit.SECONDS)
              .whenComplete((x, e) -> w.abort());
        } catch (RuntimeException e) {
          w.abort();
        }
      }
    }
  }

  public NotificationStream(GenesysClient client, HttpClient http, Settings settings, Clock clock, Set<String> userIds,
      Consumer<PlatformEvent> listener, Consumer<NotificationStream> onClose) {
    this.onClose = onClose;
    this.client = client;
    this.http = http;
    this.settings = settings;
    this.clock = clock;
    this.listener = listener;
    List<String> users = userIds.stream().sorted().toList();
    int perShard = Math.max(1, settings.topicsPerChannel() / NotificationMapping.TOPICS_PER_USER);
    for (int i = 0; i < users.size(); i += perShard) {
      shards.add(new Shard(shards.size(), users.subList(i, Math.min(users.size(), i + perShard))));
    }
    this.exec = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "e911-genesys-notifications-" + THREADS.incrementAndGet());
      t.setDaemon(true);
      worker = t;
      return t;
    });
  }

  /** Channels (shards) in use. */
  public int channels() {
    return shards.size();
  }

  /**
   * Connects every shard once; a refusal that retrying cannot cure (credentials, permissions, a
   * rejected topic, a bad request) fails the whole subscription, anything else leaves the shard
   * retrying and polling in the background.
   */
  public PlatformResult<PlatformAdapter.Subscription> start() {
    try {
      PlatformResult<?> first = exec.submit(() -> {
        for (Shard s : shards) {
          PlatformResult<Connection> r = connect(s);
          if (r instanceof PlatformResult.Failed<Connection> f && permanent(f.failure())) {
            return r;
          }
        }
        return new PlatformResult.Ok<>(this);
      }).get();
      if (first instanceof PlatformResult.Failed<?> f) {
        close();
        return new PlatformResult.Failed<>(f.failure());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      close();
      return new PlatformResult.Failed<>(RemoteFailure.of(RemoteFailure.Kind.TRANSIENT, "interrupted while subscribing"));
    } catch (ExecutionException e) {
      close();
      return new PlatformResult.Failed<>(RemoteFailure.of(RemoteFailure.Kind.TRANSIENT,
          "subscribing failed: " + e.getCause().getClass().getSimpleName()));
    }
    long tick = Math.max(20, settings.heartbeatTimeout().toMillis() / 4);
    exec.scheduleWithFixedDelay(this::watchdog, tick, tick, TimeUnit.MILLISECONDS);
    return new PlatformResult.Ok<>(this);
  }

  private static boolean permanent(RemoteFailure f) {
    return switch (f.kind()) {
      case AUTHENTICATION, PERMISSION, INVALID_REQUEST -> true;
      default -> false;
    };
  }

  // ------------------------------------------------------------------ lifecycle (scheduler thread)

  /** Opens a channel for the shard and installs it; on failure schedules a retry and the poll fallback. */
  private PlatformResult<Connection> connect(Shard s) {
    if (closed) {
      return new PlatformResult.Failed<>(RemoteFailure.of(RemoteFailure.Kind.TRANSIENT, "closed"));
    }
    s.retry = null;
    PlatformResult<Connection> r = open(s);
    if (r instanceof PlatformResult.Ok<Connection> ok) {
      install(s, ok.value(), "connected");
    } else if (r instanceof PlatformResult.Failed<Connection> f) {
      s.failures++;
      LOG.warn("{}: could not connect (attempt {}): {}", s.name(), s.failures, client.scrub(f.failure().message()));
      down(s, "no socket: " + client.scrub(f.failure().message()));
      if (!permanent(f.failure()) || s.failures > 1) {
        scheduleRetry(s);
      }
    }
    return r;
  }

  private void install(Shard s, Connection c, String why) {
    Connection old = s.conn;
    s.conn = c;
    s.failures = 0;
    s.announcedDown = false;
    cancel(s.retry);
    cancel(s.poll);
    cancel(s.renew);
    s.retry = null;
    s.poll = null;
    long renewIn = Duration.between(clock.instant(), c.expires.minus(settings.renewBeforeExpiry())).toMillis();
    if (renewIn <= 0) {
      // expires is already inside the margin by our clock: a skewed clock would otherwise renew in a loop;
      // go by the documented 24 h life (if the server ends it sooner, the drop is handled like any other)
      LOG.warn("{}: the channel's expires {} is within the renewal margin by this host's clock (clock skew?)", s.name(), c.expires);
      renewIn = Duration.ofHours(24).minus(settings.renewBeforeExpiry()).toMillis();
    }
    s.renew = exec.schedule(() -> replace(s, c, "the channel expires at " + c.expires), renewIn, TimeUnit.MILLISECONDS);
    if (old != null) {
      old.close();
    }
    LOG.info("{}: {} ({} users)", s.name(), why, s.users.size());
    emit(new PlatformEvent.ConnectionChanged(true, s.name() + " " + why, clock.instant()));
    poll(s); // catch up on whatever changed while no socket was held
  }

  /** Opens a new channel for {@code current}'s shard, then drops the old one; keeps the old one if that fails. */
  private void replace(Shard s, Connection current, String why) {
    if (closed || s.conn != current) {
      return;
    }
    LOG.info("{}: moving to a new channel: {}", s.name(), why);
    PlatformResult<Connection> r = open(s);
    if (r instanceof PlatformResult.Ok<Connection> ok) {
      install(s, ok.value(), "moved to a new channel (" + why + ")");
    } else if (r instanceof PlatformResult.Failed<Connection> f) {
      s.failures++;
      LOG.warn("{}: could not open the new channel: {}", s.name(), client.scrub(f.failure().message()));
      s.renew = exec.schedule(() -> replace(s, current, why), backoff(s.failures).toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  private void dropped(Connection c, String why) {
    Shard s = c.shard;
    if (closed || c.retired || s.conn != c) {
      return;
    }
    c.retired = true;
    WebSocket w = c.ws;
    if (w != null) {
      w.abort();
    }
    s.conn = null;
    cancel(s.renew);
    s.renew = null;
    LOG.warn("{}: {}; reconnecting", s.name(), why);
    down(s, why);
    scheduleRetry(s);
  }

  /** Announces the loss once and starts the poll fallback. */
  private void down(Shard s, String why) {
    if (!s.announcedDown) {
      s.announcedDown = true;
      emit(new PlatformEvent.ConnectionChanged(false, s.name() + ": " + why + "; polling every " + settings.pollInterval(),
          clock.instant()));
    }
    if (s.poll == null && !closed) {
      long every = settings.pollInterval().toMillis();
      s.poll = exec.scheduleWithFixedDelay(() -> poll(s), every, every, TimeUnit.MILLISECONDS);
    }
  }

  private void scheduleRetry(Shard s) {
    if (s.retry == null && !closed) {
      s.retry = exec.schedule(() -> connect(s), backoff(Math.max(1, s.failures)).toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  /** Capped exponential backoff with equal jitter. */
  private Duration backoff(int failures) {
    long initial = settings.reconnectInitial().toMillis();
    long cap = settings.reconnectMax().toMillis();
    long nominal = Math.min(cap, initial << Math.min(20, failures - 1));
    long half = nominal / 2;
    return Duration.ofMillis(half + (half > 0 ? ThreadLocalRandom.current().nextLong(half + 1) : 0));
  }

  private void watchdog() {
    long now = System.nanoTime();
    long timeout = settings.heartbeatTimeout().toNanos();
    for (Shard s : shards) {
      Connection c = s.conn;
      if (c == null) {
        continue;
      }
      long silent = now - c.lastSeenNanos;
      if (silent > timeout) {
        dropped(c, "no message for " + Duration.ofNanos(silent).toMillis() + " ms (heartbeat timeout)");
      } else if (silent > timeout / 2 && now - c.pingedAtNanos > timeout / 2) {
        c.pingedAtNanos = now;
        WebSocket w = c.ws;
        if (w != null) {
          try {
            w.sendText(NotificationMapping.PING, true);
          } catch (RuntimeException e) {
            LOG.debug("{}: ping not sent: {}", s.name(), e.getClass().getSimpleName());
          }
        }
      }
    }
  }

  // ------------------------------------------------------------------ remote calls

  /** Max socket attempts on one subscribed channel before another channel is created (channels per client are limited). */
  private static final int SPARE_TRIES = 3;

  private PlatformResult<Connection> open(Shard s) {
    if (s.spare != null && s.spareTries < SPARE_TRIES
        && clock.instant().isBefore(s.spareExpires.minus(settings.renewBeforeExpiry()))) {
      s.spareTries++;
      NotificationMapping.Channel spare = s.spare;
      PlatformResult<Connection> r = socket(s, spare, s.spareExpires);
      if (r instanceof PlatformResult.Ok) {
        s.spare = null;
      }
      return r;
    }
    s.spare = null;
    PlatformResult<JsonNode> created = client.send("POST", NotificationMapping.CHANNELS, null);
    if (!(created instanceof PlatformResult.Ok<JsonNode> okChannel)) {
      return GenesysClient.retype(created);
    }
    var channel = NotificationMapping.channel(okChannel.value());
    if (channel.isEmpty()) {
      return new PlatformResult.Failed<>(RemoteFailure.of(RemoteFailure.Kind.MALFORMED_RESPONSE,
          "POST " + NotificationMapping.CHANNELS + " answered without a channel id and websocket connectUri"));
    }
    String id = channel.get().id();
    client.mask(id); // the id is part of the connectUri, the socket's credential
    List<String> topics = s.users.stream().flatMap(u -> NotificationMapping.topics(u).stream()).toList();
    PlatformResult<JsonNode> subscribed = client.send("PUT",
        NotificationMapping.CHANNELS + "/" + GenesysClient.enc(id) + "/subscriptions?ignoreErrors=false",
        NotificationMapping.subscriptionBody(topics));
    if (!(subscribed instanceof PlatformResult.Ok<JsonNode> okSub)) {
      return GenesysClient.retype(subscribed);
    }
    List<String> rejected = NotificationMapping.rejected(okSub.value());
    if (!rejected.isEmpty()) {
      return new PlatformResult.Failed<>(new RemoteFailure(RemoteFailure.Kind.PERMISSION, 200, "topic.rejected",
          "Genesys Cloud rejected " + rejected.size() + " notification topic(s): "
              + client.scrub(String.join(", ", rejected.subList(0, Math.min(5, rejected.size())))), Duration.ZERO));
    }
    Instant expires = channel.get().expires().orElse(clock.instant().plus(Duration.ofHours(24)));
    PlatformResult<Connection> r = socket(s, channel.get(), expires);
    if (r instanceof PlatformResult.Failed<Connection> f && f.failure().kind() == RemoteFailure.Kind.TRANSIENT) {
      s.spare = channel.get();
      s.spareExpires = expires;
      s.spareTries = 1;
    }
    return r;
  }

  /** Opens the websocket of a subscribed channel. */
  private PlatformResult<Connection> socket(Shard s, NotificationMapping.Channel channel, Instant expires) {
    Connection c = new Connection(s, channel.id(), expires);
    URI uri;
    try {
      uri = URI.create(channel.connectUri());
    } catch (IllegalArgumentException e) {
      return new PlatformResult.Failed<>(RemoteFailure.of(RemoteFailure.Kind.MALFORMED_RESPONSE, "the channel's connectUri is not a URI"));
    }
    CompletableFuture<WebSocket> f = http.newWebSocketBuilder().connectTimeout(settings.connectTimeout()).buildAsync(uri, c);
    try {
      c.ws = f.get(settings.connectTimeout().toMillis() + 1000, TimeUnit.MILLISECONDS);
      c.lastSeenNanos = System.nanoTime();
      return new PlatformResult.Ok<>(c);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      f.cancel(true);
      return new PlatformResult.Failed<>(RemoteFailure.of(RemoteFailure.Kind.TRANSIENT, "interrupted while opening the websocket"));
    } catch (TimeoutException e) {
      f.cancel(true);
      return new PlatformResult.Failed<>(RemoteFailure.of(RemoteFailure.Kind.TRANSIENT, "the websocket did not open in time"));
    } catch (ExecutionException e) {
      // the cause's message may hold the connectUri: only its type and the handshake status are reported
      Throwable cause = e.getCause();
      int status = cause instanceof WebSocketHandshakeException h ? h.getResponse().statusCode() : 0;
      return new PlatformResult.Failed<>(new RemoteFailure(RemoteFailure.Kind.TRANSIENT, status, "",
          "the websocket could not be opened (" + (cause == null ? "unknown" : cause.getClass().getSimpleName())
              + (status > 0 ? ", HTTP " + status : "") + ")", Duration.ZERO));
    }
  }

  /** Reads the shard's users' presence and routing status over REST and emits them. */
  private void poll(Shard s) {
    if (closed) {
      return;
    }
    for (int i = 0; i < s.users.size(); i += NotificationMapping.USERS_PER_POLL) {
      List<String> chunk = s.users.subList(i, Math.min(s.users.size(), i + NotificationMapping.USERS_PER_POLL));
      PlatformResult<List<JsonNode>> r = client.list(NotificationMapping.pollPath(chunk), "");
      if (r instanceof PlatformResult.Ok<List<JsonNode>> ok) {
        for (JsonNode u : ok.value()) {
          NotificationMapping.Message.Presence p = NotificationMapping.polled(u);
          if (chunk.contains(p.userId()) && !(p.presence().isEmpty() && p.routingStatus().isEmpty())) {
            emit(new PlatformEvent.PresenceChanged(p.userId(), p.presence(), p.routingStatus(), p.at().orElse(clock.instant())));
          }
        }
      } else if (r instanceof PlatformResult.Failed<List<JsonNode>> f) {
        LOG.warn("{}: presence poll failed: {}", s.name(), client.scrub(f.failure().message()));
      }
    }
  }

  // ------------------------------------------------------------------ messages (HTTP client threads)

  private void handle(Connection c, NotificationMapping.Message m) {
    if (m instanceof NotificationMapping.Message.Presence p) {
      if (c.shard.users.contains(p.userId())) {
        emit(new PlatformEvent.PresenceChanged(p.userId(), p.presence(), p.routingStatus(), p.at().orElse(clock.instant())));
      }
    } else if (m instanceof NotificationMapping.Message.SocketClosing) {
      later(() -> replace(c.shard, c, "the server announced socket_closing"));
    } else if (m instanceof NotificationMapping.Message.Ignored i) {
      LOG.debug("{}: ignored a notification: {}", c.shard.name(), i.reason());
    }
  }

  private void emit(PlatformEvent e) {
    if (closed) {
      return;
    }
    try {
      listener.accept(e);
    } catch (RuntimeException x) {
      LOG.warn("the event listener threw {}", x.getClass().getSimpleName());
    }
  }

  private void later(Runnable r) {
    if (!closed) {
      try {
        exec.execute(r);
      } catch (java.util.concurrent.RejectedExecutionException e) {
        // closing
      }
    }
  }

  private static void cancel(ScheduledFuture<?> f) {
    if (f != null) {
      f.cancel(false);
    }
  }

  /** Stops the scheduler, closes every socket; never throws. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    onClose.accept(this);
    exec.shutdownNow();
    if (Thread.currentThread() != worker) {
      try {
        exec.awaitTermination(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    for (Shard s : shards) {
      Connection c = s.conn;
      if (c != null) {
        c.close();
      }
    }
  }

  @Override
  public String toString() {
    return "NotificationStream[" + shards.size() + " channel(s), closed=" + closed + "]";
  }
}
