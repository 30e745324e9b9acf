package dev.e911.genesys;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.e911.testkit.http.RecordedRequest;
import dev.e911.testkit.http.StubResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.java_websocket.WebSocket;
import org.java_websocket.drafts.Draft;
import org.java_websocket.exceptions.InvalidDataException;
import org.java_websocket.framing.CloseFrame;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.handshake.ServerHandshakeBuilder;
import org.java_websocket.server.WebSocketServer;

/**
 * The notifications API of {@link FakeGenesys} (genesys-cloud.md section 6): {@code POST /channels}
 * answers {@code {id, connectUri, expires}}, {@code PUT/POST/GET/DELETE /channels/{id}/subscriptions}
 * keep the channel's topics ({@code Rejected} for topics listed in {@link #rejectTopics}), and a
 * loopback websocket server (Java-WebSocket) serves {@code /channels/{id}}: one connection per channel,
 * envelopes {@code {topicName, version, eventBody, metadata}}, a {@code pong} on {@code channel.metadata}
 * for the client's ping. Tests push presence and routing events, heartbeats and {@code socket_closing},
 * drop sockets, expire channels, go silent, and refuse upgrades (to force the poll fallback).
 */
public final class FakeNotifications implements AutoCloseable {

  /** One channel. */
  public static final class Channel {
    public final String id;
    public volatile Instant expires;
    public final Set<String> topics = new LinkedHashSet<>();
    public volatile WebSocket socket;
    public volatile boolean expired;

    Channel(String id, Instant expires) {
      this.id = id;
      this.expires = expires;
    }

    public boolean connected() {
      WebSocket s = socket;
      return s != null && s.isOpen();
    }
  }

  public final Map<String, Channel> channels = new LinkedHashMap<>();
  /** Topics answered {@code Rejected} with a missing permission. */
  public final Set<String> rejectTopics = new LinkedHashSet<>();
  /** Every text the clients sent over a socket. */
  public final List<String> received = new CopyOnWriteArrayList<>();
  public volatile boolean refuseUpgrades;
  /** Websocket upgrade requests received. */
  public final java.util.concurrent.atomic.AtomicInteger upgrades = new java.util.concurrent.atomic.AtomicInteger();
  /** When true the server sends nothing (no pong either): a socket that silently died. */
  public volatile boolean silent;
  public volatile Duration channelLifetime = Duration.ofHours(24);
  private int nextChannel = 1;
  private int correlation = 1;
  private Server server;

  private final class Server extends WebSocketServer {
    final CountDownLatch started = new CountDownLatch(1);

    Server() {
      super(new InetSocketAddress("127.0.0.1", 0));
      setReuseAddr(true);
      setDaemon(true);
    }

    @Override
    public ServerHandshakeBuilder onWebsocketHandshakeReceivedAsServer(WebSocket conn, Draft draft, ClientHandshake request)
        throws InvalidDataException {
      upgrades.incrementAndGet();
      Channel c = channelOf(request.getResourceDescriptor());
      if (refuseUpgrades || c == null || c.expired) {
        throw new InvalidDataException(CloseFrame.POLICY_VALIDATION, "upgrade refused");
      }
      return super.onWebsocketHandshakeReceivedAsServer(conn, draft, request);
    }

    @Override
    public void onOpen(WebSocket conn, ClientHandshake handshake) {
      Channel c = channelOf(handshake.getResourceDescriptor());
      if (c == null) {
        conn.close(CloseFrame.POLICY_VALIDATION, "no such channel");
        return;
      }
      WebSocket previous = c.socket;
      c.socket = conn;
      if (previous != null && previous != conn) {
        previous.close(CloseFrame.NORMAL, "another connection took the channel");
      }
    }

    @Override
    public void onClose(WebSocket conn, int code, String reason, boolean remote) {}

    @Override
    public void onMessage(WebSocket conn, String message) {
      received.add(message);
      if (!silent && message.contains("\"ping\"")) {
        conn.send(envelope("channel.metadata", FakeGenesys.obj().put("message", "pong")));
      }
    }

    @Override
    public void onError(WebSocket conn, Exception ex) {}

    @Override
    public void onStart() {
      started.countDown();
    }
  }

  private synchronized Channel channelOf(String resource) {
    String path = resource == null ? "" : resource;
    int q = path.indexOf('?');
    path = q < 0 ? path : path.substring(0, q);
    return path.startsWith("/channels/") ? channels.get(path.substring("/channels/".length())) : null;
  }

  private synchronized Server server() {
    if (server == null) {
      server = new Server();
      server.start();
      try {
        if (!server.started.await(10, TimeUnit.SECONDS)) {
          throw new IllegalStateException("the fake websocket server did not start");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    return server;
  }

  // ------------------------------------------------------------------ REST

  /** Answers {@code /api/v2/notifications/**}; the caller has checked the token. */
  synchronized StubResponse handle(RecordedRequest r) throws IOException {
    String p = r.path();
    String[] s = p.split("/");
    if (p.equals("/api/v2/notifications/channels") && r.method().equals("POST")) {
      String id = "streaming-" + (nextChannel++) + "-a1b2c3";
      Channel c = new Channel(id, Instant.now().plus(channelLifetime));
      channels.put(id, c);
      ObjectNode out = FakeGenesys.obj().put("id", id)
          .put("connectUri", "ws://127.0.0.1:" + server().getPort() + "/channels/" + id)
          .put("expires", c.expires.toString());
      return FakeGenesys.ok(out);
    }
    if (p.equals("/api/v2/notifications/channels") && r.method().equals("GET")) {
      ArrayNode entities = FakeGenesys.M.createArrayNode();
      channels.values().stream().filter(c -> !c.expired)
          .forEach(c -> entities.addObject().put("id", c.id).put("expires", c.expires.toString()));
      ObjectNode out = FakeGenesys.obj();
      out.set("entities", entities);
      return FakeGenesys.ok(out);
    }
    if (s.length == 7 && s[6].equals("subscriptions")) {
      Channel c = channels.get(s[5]);
      if (c == null || c.expired) {
        return FakeGenesys.error(404, "not.found", "channel " + s[5] + " not found");
      }
      switch (r.method()) {
        case "PUT", "POST" -> {
          JsonNode body = FakeGenesys.M.readTree(r.bodyUtf8());
          if (!body.isArray()) {
            return FakeGenesys.error(400, "bad.request", "expected an array of topics");
          }
          if (r.method().equals("PUT")) {
            c.topics.clear();
          }
          for (JsonNode t : body) {
            String topic = t.path("id").asText();
            if (!rejectTopics.contains(topic)) {
              c.topics.add(topic);
            }
          }
          if (c.topics.size() > 1000) {
            return FakeGenesys.error(400, "bad.request", "a channel holds at most 1000 topics");
          }
          c.expires = Instant.now().plus(channelLifetime); // re-subscribing extends the channel
          ArrayNode entities = FakeGenesys.M.createArrayNode();
          for (JsonNode t : body) {
            String topic = t.path("id").asText();
            ObjectNode e = entities.addObject().put("id", topic);
            if (rejectTopics.contains(topic)) {
              e.put("state", "Rejected").put("rejectionReason", "Missing permissions");
              e.putArray("missingPermissions").add("presence:userPresence:view");
            } else {
              e.put("state", "Permitted");
            }
          }
          ObjectNode out = FakeGenesys.obj();
          out.set("entities", entities);
          return FakeGenesys.ok(out);
        }
        case "DELETE" -> {
          c.topics.clear();
          return StubResponse.json(200, "{}");
        }
        default -> {
          ArrayNode entities = FakeGenesys.M.createArrayNode();
          c.topics.forEach(t -> entities.addObject().put("id", t).put("state", "Permitted"));
          ObjectNode out = FakeGenesys.obj();
          out.set("entities", entities);
          return FakeGenesys.ok(out);
        }
      }
    }
    return FakeGenesys.error(404, "not.found", "no fake for " + r.method() + " " + p);
  }

  // ------------------------------------------------------------------ pushing

  private synchronized String envelope(String topic, JsonNode body) {
    ObjectNode env = FakeGenesys.obj().put("topicName", topic).put("version", "2");
    env.set("eventBody", body);
    env.putObject("metadata").put("CorrelationId", "corr-" + (correlation++));
    try {
      return FakeGenesys.M.writeValueAsString(env);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Sends {@code body} on {@code topic} to every connected channel subscribed to it; returns how many got it. */
  public int publish(String topic, JsonNode body) {
    if (silent) {
      return 0;
    }
    String text = envelope(topic, body);
    int sent = 0;
    for (Channel c : snapshot()) {
      if (c.connected() && !c.expired && c.topics.contains(topic)) {
        c.socket.send(text);
        sent++;
      }
    }
    return sent;
  }

  /** Sends raw text to every connected channel (for malformed-message tests). */
  public void sendRaw(String text) {
    snapshot().stream().filter(Channel::connected).forEach(c -> c.socket.send(text));
  }

  /** A {@code channel.metadata} heartbeat to every connected channel. */
  public void heartbeat() {
    snapshot().stream().filter(Channel::connected)
        .forEach(c -> c.socket.send(envelope("channel.metadata", FakeGenesys.obj().put("message", "WebSocket Heartbeat"))));
  }

  /** The maintenance warning on every connected channel. */
  public void socketClosing() {
    snapshot().stream().filter(Channel::connected)
        .forEach(c -> c.socket.send(envelope("v2.system.socket_closing", FakeGenesys.obj().put("message", "socket closing"))));
  }

  /** Cuts every socket without a close handshake. */
  public void dropSockets() {
    snapshot().stream().filter(Channel::connected).forEach(c -> c.socket.closeConnection(CloseFrame.ABNORMAL_CLOSE, "dropped"));
  }

  /** Every channel expires now: sockets close, the channels no longer accept connections or subscriptions. */
  public void expireChannels() {
    for (Channel c : snapshot()) {
      c.expired = true;
      if (c.connected()) {
        c.socket.close(CloseFrame.GOING_AWAY, "channel expired");
      }
    }
  }

  public synchronized List<Channel> snapshot() {
    return new ArrayList<>(channels.values());
  }

  /** Channels with a live socket. */
  public List<Channel> connected() {
    return snapshot().stream().filter(c -> c.connected() && !c.expired).toList();
  }

  @Override
  public synchronized void close() {
    if (server != null) {
      try {
        server.stop(1000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      server = null;
    }
  }
}
