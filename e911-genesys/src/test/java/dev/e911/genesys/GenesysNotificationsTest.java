package dev.e911.genesys;

import static org.assertj.core.api.Assertions.assertThat;

import dev.e911.api.spi.PlatformAdapter;
import dev.e911.api.spi.PlatformEvent;
import dev.e911.api.spi.PlatformResult;
import dev.e911.api.spi.RemoteFailure;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@link GenesysPlatform#subscribe} against FakeGenesys's notifications API and its real loopback websocket. */
class GenesysNotificationsTest {

  final FakeGenesys fake = new FakeGenesys().cleanOrg();
  final List<PlatformEvent> events = new CopyOnWriteArrayList<>();
  GenesysPlatform genesys;
  PlatformAdapter.Subscription sub;

  @AfterEach
  void close() {
    if (sub != null) {
      sub.close();
    }
    if (genesys != null) {
      genesys.close();
    }
    fake.close();
  }

  GenesysPlatform.Builder quick() {
    return fake.platform().heartbeatTimeout(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(200))
        .reconnectBackoff(Duration.ofMillis(20), Duration.ofMillis(200));
  }

  PlatformAdapter.Subscription subscribe(GenesysPlatform.Builder b, Set<String> users) {
    genesys = b.build();
    PlatformResult<PlatformAdapter.Subscription> r = genesys.subscribe(users, events::add);
    assertThat(r).isInstanceOf(PlatformResult.Ok.class);
    sub = ((PlatformResult.Ok<PlatformAdapter.Subscription>) r).value();
    return sub;
  }

  static Predicate<PlatformEvent> presence(String user, String presence) {
    return e -> e instanceof PlatformEvent.PresenceChanged p && p.userId().equals(user)
        && norm(p.presence()).equals(norm(presence));
  }

  static String norm(String s) {
    return s.replace("_", "").replace(" ", "").toUpperCase(java.util.Locale.ROOT);
  }

  static Predicate<PlatformEvent> connection(boolean up) {
    return e -> e instanceof PlatformEvent.ConnectionChanged c && c.connected() == up;
  }

  /** Waits (bounded) until an event after index {@code from} matches; returns its index. */
  int await(int from, Predicate<PlatformEvent> p) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
    while (System.nanoTime() < deadline) {
      for (int i = from; i < events.size(); i++) {
        if (p.test(events.get(i))) {
          return i;
        }
      }
      Thread.sleep(10);
    }
    throw new AssertionError("no matching event after #" + from + " in " + events);
  }

  void awaitTrue(java.util.function.BooleanSupplier c) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
    while (!c.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not met in time; events " + events);
      }
      Thread.sleep(10);
    }
  }

  @Test
  void subscribesTheUsersTopicsAndDeliversPresenceAndRoutingEvents() throws Exception {
    fake.setPresence("u-bob", "Busy");
    subscribe(quick(), Set.of("u-jane", "u-bob"));
    assertThat(fake.notifications.channels).hasSize(1);
    FakeNotifications.Channel c = fake.notifications.snapshot().get(0);
    assertThat(c.topics).containsExactlyInAnyOrder("v2.users.u-jane.presence", "v2.users.u-jane.routingStatus",
        "v2.users.u-bob.presence", "v2.users.u-bob.routingStatus");
    assertThat(fake.server.requests("PUT", "/api/v2/notifications/channels/" + c.id + "/subscriptions").get(0).bodyUtf8())
        .contains("{\"id\":\"v2.users.u-jane.presence\"}");
    // connected, then the current state is read once
    int up = await(0, connection(true));
    await(up, presence("u-bob", "Busy"));
    awaitTrue(c::connected);

    int mark = events.size();
    fake.setPresence("u-jane", "On Queue");
    int i = await(mark, presence("u-jane", "ON_QUEUE"));
    await(mark, e -> e instanceof PlatformEvent.PresenceChanged p && p.userId().equals("u-jane")
        && p.routingStatus().equals("IDLE"));
    assertThat(((PlatformEvent.PresenceChanged) events.get(i)).routingStatus()).isEmpty();
    // other users' topics are not streamed
    fake.notifications.publish("v2.users.u-dee.presence", FakeGenesys.json("{'presenceDefinition':{'systemPresence':'AVAILABLE'}}"));
    fake.setPresence("u-bob", "Available");
    await(mark, presence("u-bob", "Available"));
    assertThat(events).noneMatch(e -> e instanceof PlatformEvent.PresenceChanged p && p.userId().equals("u-dee"));
  }

  @Test
  void shardsTopicsAcrossChannelsAtTheLimit() throws Exception {
    subscribe(quick().topicsPerChannel(2), Set.of("u-jane", "u-bob", "u-dee"));
    assertThat(fake.notifications.channels).hasSize(3);
    assertThat(fake.notifications.snapshot()).allSatisfy(c -> assertThat(c.topics).hasSize(2));
    awaitTrue(() -> fake.notifications.connected().size() == 3);
    int mark = events.size();
    for (String u : List.of("u-jane", "u-bob", "u-dee")) {
      fake.setPresence(u, "Available");
    }
    for (String u : List.of("u-jane", "u-bob", "u-dee")) {
      await(mark, presence(u, "Available"));
    }
  }

  @Test
  void reconnectsOnANewChannelAfterTheSocketDrops() throws Exception {
    subscribe(quick(), Set.of("u-jane"));
    awaitTrue(() -> fake.notifications.connected().size() == 1);
    int mark = events.size();
    fake.notifications.dropSockets();
    int down = await(mark, connection(false));
    await(down, connection(true));
    awaitTrue(() -> fake.notifications.connected().size() == 1);
    assertThat(fake.notifications.channels).hasSize(2);
    assertThat(fake.notifications.connected().get(0).topics).containsExactlyInAnyOrder("v2.users.u-jane.presence",
        "v2.users.u-jane.routingStatus");
    int after = events.size();
    fake.setPresence("u-jane", "Available");
    await(after, presence("u-jane", "Available"));
  }

  @Test
  void socketClosingMovesToANewChannelBeforeDroppingTheOld() throws Exception {
    subscribe(quick(), Set.of("u-jane"));
    awaitTrue(() -> fake.notifications.connected().size() == 1);
    FakeNotifications.Channel first = fake.notifications.connected().get(0);
    int mark = events.size();
    fake.notifications.socketClosing();
    awaitTrue(() -> fake.notifications.channels.size() == 2 && !first.connected()
        && fake.notifications.connected().size() == 1);
    assertThat(fake.notifications.connected().get(0).id).isNotEqualTo(first.id);
    // a planned move is not an outage
    assertThat(events.subList(mark, events.size())).noneMatch(connection(false));
    int after = events.size();
    fake.setPresence("u-jane", "On Queue");
    await(after, presence("u-jane", "On Queue"));
  }

  @Test
  void recreatesTheChannelBeforeItExpires() throws Exception {
    fake.notifications.channelLifetime = Duration.ofMillis(1500);
    subscribe(quick().renewBeforeExpiry(Duration.ofMillis(1200)), Set.of("u-jane"));
    awaitTrue(() -> fake.notifications.channels.size() >= 2);
    awaitTrue(() -> fake.notifications.connected().size() == 1);
    fake.notifications.channelLifetime = Duration.ofHours(24);
    int mark = events.size();
    fake.setPresence("u-jane", "Available");
    await(mark, presence("u-jane", "Available"));
  }

  @Test
  void aClockAheadOfTheServerDoesNotRenewInALoop() throws Exception {
    TestClock ahead = new TestClock(java.time.Instant.now().plus(Duration.ofDays(2)));
    subscribe(quick().clock(ahead), Set.of("u-jane"));
    awaitTrue(() -> fake.notifications.connected().size() == 1);
    Thread.sleep(500);
    assertThat(fake.notifications.channels).hasSize(1);
  }

  @Test
  void reconnectsAfterTheServerExpiresTheChannel() throws Exception {
    subscribe(quick(), Set.of("u-jane"));
    awaitTrue(() -> fake.notifications.connected().size() == 1);
    int mark = events.size();
    fake.notifications.expireChannels();
    await(await(mark, connection(false)), connection(true));
    awaitTrue(() -> fake.notifications.connected().size() == 1);
    int after = events.size();
    fake.setPresence("u-jane", "Available");
    await(after, presence("u-jane", "Available"));
  }

  @Test
  void pingsWhenQuietAndTreatsProlongedSilenceAsADeadSocket() throws Exception {
    subscribe(quick().heartbeatTimeout(Duration.ofMillis(1500)), Set.of("u-jane"));
    awaitTrue(() -> fake.notifications.connected().size() == 1);
    // the fake answers pings with pong, which keeps the socket alive past the timeout
    Thread.sleep(2500);
    assertThat(fake.notifications.received).contains("{\"message\":\"ping\"}");
    assertThat(fake.notifications.channels).hasSize(1);
    int mark = events.size();
    fake.notifications.silent = true;
    await(mark, connection(false));
    fake.notifications.silent = false;
    await(mark, connection(true));
    assertThat(fake.notifications.channels.size()).isGreaterThanOrEqualTo(2);
  }

  @Test
  void pollsOverRestWhileNoSocketCanBeHeldAndReconnectsWhenItCan() throws Exception {
    fake.notifications.refuseUpgrades = true;
    subscribe(quick(), Set.of("u-jane", "u-bob"));
    int down = await(0, connection(false));
    assertThat(((PlatformEvent.ConnectionChanged) events.get(down)).reason()).contains("polling");
    int mark = events.size();
    fake.setPresence("u-jane", "Available"); // no socket: only the poll can see it
    await(mark, presence("u-jane", "Available"));
    assertThat(fake.server.requests("GET", "/api/v2/users")).anySatisfy(r -> assertThat(r.query())
        .contains("expand=presence,routingStatus").contains("id=u-jane").contains("id=u-bob"));
    // a subscribed channel is tried three times before another is created (Genesys limits channels per client)
    awaitTrue(() -> fake.notifications.upgrades.get() >= 7);
    assertThat(fake.notifications.channels.size()).isLessThanOrEqualTo((fake.notifications.upgrades.get() + 2) / 3 + 1)
        .isLessThan(fake.notifications.upgrades.get());
    fake.notifications.refuseUpgrades = false;
    await(mark, connection(true));
    awaitTrue(() -> fake.notifications.connected().size() == 1);
    int polls = fake.server.requests("GET", "/api/v2/users").size();
    Thread.sleep(600);
    // connected again: the poll stopped (one catch-up read at most)
    assertThat(fake.server.requests("GET", "/api/v2/users").size()).isLessThanOrEqualTo(polls + 1);
  }

  @Test
  void ignoresMalformedAndOversizedMessagesAndKeepsStreaming() throws Exception {
    subscribe(quick(), Set.of("u-jane"));
    awaitTrue(() -> fake.notifications.connected().size() == 1);
    int mark = events.size();
    fake.notifications.sendRaw("not json");
    fake.notifications.sendRaw("{\"topicName\":\"v2.users.u-jane.presence\",\"eventBody\":{\"presenceDefinition\":{\"systemPresence\":\"<script>\"}}}");
    fake.notifications.sendRaw("{\"topicName\":\"v2.users.u-jane.presence\",\"eventBody\":\"x\"}");
    fake.notifications.sendRaw("{\"topicName\":\"v2.users.u-jane.presence\",\"eventBody\":{\"message\":\"" + "x".repeat(200_000) + "\"}}");
    fake.notifications.heartbeat();
    fake.setPresence("u-jane", "Available");
    await(mark, presence("u-jane", "Available"));
    assertThat(events.subList(mark, events.size())).noneMatch(connection(false))
        .filteredOn(e -> e instanceof PlatformEvent.PresenceChanged).hasSize(1);
  }

  @Test
  void aRejectedTopicFailsTheSubscriptionTypedAndLeavesNoThread() throws Exception {
    fake.notifications.rejectTopics.add("v2.users.u-bob.presence");
    genesys = quick().build();
    PlatformResult<PlatformAdapter.Subscription> r = genesys.subscribe(Set.of("u-jane", "u-bob"), events::add);
    assertThat(r).isInstanceOf(PlatformResult.Failed.class);
    RemoteFailure f = ((PlatformResult.Failed<?>) r).failure();
    assertThat(f.kind()).isEqualTo(RemoteFailure.Kind.PERMISSION);
    assertThat(f.message()).contains("v2.users.u-bob.presence").contains("presence:userPresence:view");
    awaitTrue(() -> notificationThreads() == 0);
  }

  @Test
  void theChannelIdNeverAppearsInAFailure() throws Exception {
    fake.fault("PUT", "/api/v2/notifications/channels/", FakeGenesys.error(403, "missing.permissions", "not allowed"));
    genesys = quick().build();
    PlatformResult<PlatformAdapter.Subscription> r = genesys.subscribe(Set.of("u-jane"), events::add);
    RemoteFailure f = ((PlatformResult.Failed<?>) r).failure();
    assertThat(f.kind()).isEqualTo(RemoteFailure.Kind.PERMISSION);
    String id = fake.notifications.snapshot().get(0).id;
    assertThat(f.message()).contains("PUT /api/v2/notifications/channels/").doesNotContain(id);
    assertThat(events.toString()).doesNotContain(id);
  }

  @Test
  void refusedCredentialsFailAtOnceWithoutTheSecret() {
    fake.refuseCredentials = true;
    genesys = quick().build();
    PlatformResult<PlatformAdapter.Subscription> r = genesys.subscribe(Set.of("u-jane"), events::add);
    RemoteFailure f = ((PlatformResult.Failed<?>) r).failure();
    assertThat(f.kind()).isEqualTo(RemoteFailure.Kind.AUTHENTICATION);
    assertThat(f.message()).doesNotContain(FakeGenesys.SECRET_TEXT);
    assertThat(events.toString()).doesNotContain(FakeGenesys.SECRET_TEXT).doesNotContain("ws://");
  }

  @Test
  void badUserIdsAreATypedFailure() {
    genesys = quick().build();
    PlatformResult<PlatformAdapter.Subscription> r = genesys.subscribe(Set.of("u-jane", "bad id/../x"), events::add);
    assertThat(((PlatformResult.Failed<?>) r).failure().message()).contains("userIds");
    assertThat(fake.notifications.channels).isEmpty();
  }

  @Test
  void closingStopsTheThreadAndTheSockets() throws Exception {
    subscribe(quick(), Set.of("u-jane"));
    awaitTrue(() -> fake.notifications.connected().size() == 1);
    assertThat(notificationThreads()).isEqualTo(1);
    sub.close();
    awaitTrue(() -> notificationThreads() == 0 && fake.notifications.connected().isEmpty());
    int mark = events.size();
    fake.setPresence("u-jane", "Available");
    Thread.sleep(300);
    assertThat(events.size()).isEqualTo(mark);
    sub.close(); // idempotent
  }

  @Test
  void builderChecksTheNotificationOptions() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> fake.platform().heartbeatTimeout(Duration.ZERO)
        .pollInterval(Duration.ofHours(1)).topicsPerChannel(1001).reconnectBackoff(Duration.ofSeconds(5), Duration.ofSeconds(1)).build())
        .hasMessageContaining("heartbeatTimeout").hasMessageContaining("pollInterval").hasMessageContaining("topicsPerChannel")
        .hasMessageContaining("reconnectInitial");
  }

  static long notificationThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.isAlive() && t.getName().startsWith("e911-genesys-notifications")).count();
  }
}
