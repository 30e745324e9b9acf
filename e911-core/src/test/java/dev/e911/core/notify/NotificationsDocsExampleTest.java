package dev.e911.core.notify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.e911.api.agent.Agent;
import dev.e911.api.routing.EmergencyRoute;
import dev.e911.api.spi.Secret;
import dev.e911.core.config.ComponentSettings;
import dev.e911.core.config.ConfigLoader;
import dev.e911.core.config.ContactCenterConfig;
import dev.e911.core.location.LocationService;
import dev.e911.core.route.EmergencyRouter;
import dev.e911.testkit.http.RecordedRequest;
import dev.e911.testkit.http.StubHttpServer;
import dev.e911.testkit.http.StubResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The examples in docs/notifications.md, compiled and run end to end (router, dispatcher, a signed webhook
 * to a loopback receiver that verifies it, the log notifier), and checked to be the document's text.
 */
class NotificationsDocsExampleTest {

  static final String SIGNING_SECRET = "whsec-docs-example-0123456789";

  @Test
  void notificationsDocExamplesRunAsWritten() throws Exception {
    List<String> verified = new CopyOnWriteArrayList<>();
    try (StubHttpServer receiver = StubHttpServer.start()) {
      receiver.on("POST", "/e911").respondWith(request -> StubResponse.status(receive(request, verified)));
      ContactCenterConfig file = ConfigLoader.load(Path.of("..", "examples", "contact-center.json"));
      List<ComponentSettings> withWebhook = new ArrayList<>(file.notifiers());
      withWebhook.add(new ComponentSettings("security-webhook", "webhook",
          Map.of("url", receiver.uri("/e911").toString(), "requireAcknowledgement", "true"),
          Map.of("signingSecret", "E911_WEBHOOK_SECRET")));
      Map<String, String> environment = Map.of("E911_WEBHOOK_SECRET", SIGNING_SECRET);
      Clock clock = Clock.systemUTC();
      List<DeliveryAttempt> audit = new CopyOnWriteArrayList<>();
      LocationService locations = LocationService.builder(file).clock(clock).build();
      ContactCenterConfig config = new ContactCenterConfig(file.name(), file.defaultRegion(), file.outsideLinePrefix(),
          file.policies(), file.carriers(), file.sites(), file.locations(), file.networkMap(), file.agents(), file.rules(),
          withWebhook, file.agentLocations());

      // --- notifications.md wiring start
      NotifierFactory factory = NotifierFactory.builder(environment::get).clock(clock).build(); // System::getenv
      NotificationDispatcher dispatcher = NotificationDispatcher.builder()
          .groups(factory.groups(config.notifiers()))      // escalationLevel 1 first, then 2 ...
          .clock(clock)
          .listener(new NotificationListener() {
            @Override
            public void onAttempt(DeliveryAttempt attempt) {
              audit.add(attempt);                           // your audit trail
            }
          })
          .build();
      EmergencyRouter router = EmergencyRouter.create(locations, config, "acme.example",
          dispatcher.routerListener(agentId -> config.agent(agentId).map(Agent::displayName).orElse("")));

      EmergencyRoute route = router.route("maria", "911", null); // returns at once; notifications follow
      // --- notifications.md wiring end

      assertThat(route).isInstanceOf(EmergencyRoute.Emergency.class);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (audit.stream().filter(a -> a.outcome().delivered()).count() < 2 && System.nanoTime() < deadline) {
        Thread.sleep(5);
      }
      assertThat(audit).filteredOn(a -> a.outcome().delivered()).extracting(DeliveryAttempt::notifierId)
          .contains("security-desk", "security-webhook");
      String callId = audit.get(0).callId();
      assertThat(verified).contains(callId);
      assertThat(dispatcher.status(callId).orElseThrow().state()).isEqualTo(CallStatus.State.AWAITING_ACKNOWLEDGEMENT);
      assertThat(dispatcher.acknowledge(callId, "guard-7")).isInstanceOf(AckResult.Acknowledged.class);
      dispatcher.close();
    }

    String doc = Files.readString(Path.of("../docs/notifications.md"), StandardCharsets.UTF_8);
    String source = Files.readString(Path.of("src/test/java/dev/e911/core/notify/NotificationsDocsExampleTest.java"),
        StandardCharsets.UTF_8);
    for (String name : List.of("wiring", "receiver")) {
      String start = "// --- notifications.md " + name + " start";
      String snippet = source.substring(source.indexOf(start) + start.length(), source.indexOf("// --- notifications.md " + name + " end"));
      String code = snippet.substring(0, snippet.stripTrailing().length()).stripIndent().strip();
      assertThat(doc).as("docs/notifications.md has the %s snippet", name).contains(code);
    }
  }

  /** A receiver's handler: verify, then act. */
  static int receive(RecordedRequest request, List<String> verified) {
    Secret signingSecret = Secret.of(SIGNING_SECRET);
    // --- notifications.md receiver start
    byte[] body = request.body();                      // the exact bytes received, before any JSON parsing
    WebhookSignature.Verification check = WebhookSignature.verify(signingSecret,
        request.header(WebhookSignature.TIMESTAMP_HEADER).orElse(""),
        request.header(WebhookSignature.SIGNATURE_HEADER).orElse(""),
        body, Clock.systemUTC(), WebhookSignature.DEFAULT_TOLERANCE);
    if (!check.isValid()) {
      return 401;                                      // not from e911, altered, or replayed
    }
    // de-duplicate on X-E911-Delivery, then page the desk; "test": true means nobody is dispatched
    // --- notifications.md receiver end
    String text = new String(body, StandardCharsets.UTF_8);
    verified.add(text.substring(text.indexOf("\"callId\":\"") + 10, text.indexOf("\"", text.indexOf("\"callId\":\"") + 10)));
    return 204;
  }
}
