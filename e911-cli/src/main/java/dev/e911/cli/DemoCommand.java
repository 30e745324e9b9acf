package dev.e911.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.e911.api.address.DispatchableAddress;
import dev.e911.api.location.AgentLocation;
import dev.e911.api.network.NetworkObservation;
import dev.e911.api.routing.EmergencyRoute;
import dev.e911.api.routing.RouteWarning;
import dev.e911.api.spi.BindingKey;
import dev.e911.api.spi.EmergencyNotification;
import dev.e911.api.spi.PlatformInventory;
import dev.e911.api.spi.ReadBackResult;
import dev.e911.core.E911;
import dev.e911.core.audit.AuditReport;
import dev.e911.core.audit.ComplianceAuditor;
import dev.e911.core.audit.Finding;
import dev.e911.core.audit.Severity;
import dev.e911.core.config.ContactCenterConfig;
import dev.e911.core.gate.GateDecision;
import dev.e911.core.json.DomainJson;
import dev.e911.core.location.ConfirmOutcome;
import dev.e911.core.location.ObserveOutcome;
import dev.e911.core.store.JdbcLocationStore;
import dev.e911.testkit.platform.InMemoryPlatform;
import dev.e911.testkit.reference.ReferenceCarrier;
import dev.e911.testkit.reference.ReferenceDatabase;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code e911 demo}: the story an administrator needs to see, on the bundled example contact center,
 * entirely on embedded defaults (H2 store in memory, the in-process reference carrier, an in-process
 * platform).
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = "Run the bundled example contact center end to end: sign-in, the hard stop, confirmation, 933 and 911 calls, "
        + "the on-site notification, a PSAP callback and the audit of the example's planted traps.",
    footer = {"", "Example:", "  ./e911 demo", "  ./e911 demo --format json --at 2026-11-25T16:00:00Z", "",
        "Exit codes: 0 the story ran, 1 bad configuration, 70 a step did not behave as documented (a bug)."})
final class DemoCommand implements Callable<Integer> {

  static final DispatchableAddress MARIA_TYPES = DispatchableAddress.builder("US").houseNumber("4521")
      .streetName("Avenida de los Árboles").unit("Apt 2B").city("Austin").state("TX").postalCode("78704").build();

  @Spec CommandSpec spec;

  @Option(names = "--config", defaultValue = "examples/contact-center.json", paramLabel = "FILE",
      description = "The contact center (default: ${DEFAULT-VALUE}).")
  Path config;

  @Option(names = "--at", paramLabel = "INSTANT", description = "Run the story at this instant (RFC 3339), default now.")
  Instant at;

  @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
  Format format;

  private final List<ObjectNode> steps = new ArrayList<>();
  private ObjectNode step;
  private PrintWriter out;

  @Override
  public Integer call() throws Exception {
    out = spec.commandLine().getOut();
    ContactCenterConfig c = ConfigFiles.load(config);
    Clock clock = Clock.fixed(at == null ? Clock.systemUTC().instant() : at, ZoneOffset.UTC);
    ReferenceDatabase carrierDb = ReferenceDatabase.builder().addresses(ReferenceDatabase.demoAddresses()).clock(clock).build();
    ReferenceCarrier carrier = ReferenceCarrier.builder(carrierDb).clock(clock).backoff(Duration.ofMillis(5)).build();
    InMemoryPlatform platform = new InMemoryPlatform(new PlatformInventory(List.of(), List.of(), List.of()), clock);
    List<EmergencyRoute.Emergency> emergencies = new ArrayList<>();
    try (JdbcLocationStore store = JdbcLocationStore.builder().url("jdbc:h2:mem:e911-demo-" + System.identityHashCode(this)
        + ";DB_CLOSE_DELAY=-1").user("sa").clock(clock).build()) {
      String recipient = c.notifiers().isEmpty() ? "the security desk" : c.notifiers().get(0).settings().getOrDefault("recipient", c.notifiers().get(0).id());
      DeskConsole desk = new DeskConsole(recipient);
      E911 e911 = E911.builder().config(c).clock(clock).store(store).carrier(carrier).platform(platform).notifier(desk)
          .entityDomain("acme.example").onEmergency(emergencies::add).build();

      title(0, "The contact center");
      line(c.name() + ": " + c.sites().size() + " sites, " + c.locations().size() + " locations, " + c.agents().size()
          + " agents, " + c.networkMap().size() + " network-map entries, rules " + c.rules().stream().map(r -> r.pattern()).toList());
      line("embedded defaults: store H2 (in memory), carrier 'reference' (in-process), platform in-process");

      title(1, "Agents sign in");
      signIn(e911, "grace", "office subnet 10.10.2.57", NetworkObservation.builder(clock.instant()).localAddress("10.10.2.57").build());
      signIn(e911, "nina", "New York Wi-Fi 00:1a:2b:4d:12:07", NetworkObservation.builder(clock.instant()).bssid("00:1a:2b:4d:12:07").build());
      NetworkObservation mariaHome = NetworkObservation.builder(clock.instant()).localAddress("192.168.1.23").publicAddress("192.0.2.77").build();
      signIn(e911, "maria", "home network 192.168.1.23", mariaHome);
      signIn(e911, "luis", "home network 192.168.0.8", NetworkObservation.builder(clock.instant()).localAddress("192.168.0.8").build());

      title(2, "Maria (remote, Austin TX) tries to go Available");
      GateDecision blocked = e911.gate().check("maria");
      expect(!blocked.allowed(), "maria must be blocked before confirming");
      GateDecision.Block b = (GateDecision.Block) blocked;
      line("BLOCK [" + b.reason() + "]  she sees: \"" + b.message() + "\"");
      platform.forceNotReady("maria", b.message());
      line("platform: maria set back to " + platform.presence("maria") + " — the dismissal loop ends here");
      step.put("gate", b.reason().name());

      title(3, "Maria confirms her home address");
      line("she types:        " + MARIA_TYPES.oneLine());
      ConfirmOutcome first = e911.locations().confirm("maria", MARIA_TYPES, "maria");
      expect(first instanceof ConfirmOutcome.SuggestCorrection, "the reference carrier corrects the ZIP");
      ConfirmOutcome.SuggestCorrection s = (ConfirmOutcome.SuggestCorrection) first;
      line("carrier suggests: " + s.suggestions().get(0).oneLine() + "  (" + String.join("; ", s.reasons()) + ")");
      line("nothing is applied until she accepts; she accepts the suggestion");
      ConfirmOutcome accepted = e911.locations().acceptSuggestion("maria", 0, "maria");
      expect(accepted instanceof ConfirmOutcome.Verified, "accepting the suggestion verifies her");
      AgentLocation verified = ((ConfirmOutcome.Verified) accepted).location();
      ReadBackResult held = carrier.readBack(BindingKey.number("+15125550117"));
      line("carrier: DID +15125550117 provisioned -> " + (held instanceof ReadBackResult.Found f ? f.binding().address().oneLine() : held));
      line("platform: " + platform.assignedLocation("maria").map(l -> l.id() + " assigned to maria").orElse("not assigned"));
      line("maria: " + verified.source() + " " + verified.verification() + " at " + verified.address().oneLine());
      GateDecision allowed = e911.gate().check("maria");
      expect(allowed.allowed(), "maria may go Available once verified");
      line("gate: ALLOW — " + ((GateDecision.Allow) allowed).basis());
      step.put("gate", "ALLOW");

      title(4, "Maria dials 933 (the carrier's test line)");
      EmergencyRoute test = e911.router().route("maria", "933", null);
      describeRoute(c, (EmergencyRoute.Emergency) test, false);

      title(5, "Maria dials 911");
      EmergencyRoute real = e911.router().route("maria", "911", null);
      describeRoute(c, (EmergencyRoute.Emergency) real, true);

      title(6, "The on-site notification (Kari's Law)");
      EmergencyNotification n = desk.received.poll(10, java.util.concurrent.TimeUnit.SECONDS);
      expect(n != null, "the 911 call reaches the on-site notifier");
      line("delivered asynchronously to " + recipient + " (the call was never held for it):");
      line("  " + n.classification() + " call by " + n.agentName() + " at " + n.occurredAt());
      line("  callback " + n.callbackNumber() + ", location sent to the 911 center: " + n.location() + " (" + n.verification() + ")");
      line("the 933 test call of step 4 raised no alarm: its rule does not notify on site");
      expect(desk.received.isEmpty() && emergencies.size() == 2, "only the 911 call notifies; both reach the listeners");
      step.put("notified", n.callbackNumber());

      title(7, "Luis (remote, no DID, never confirmed) dials 9911 from home");
      EmergencyRoute.Emergency luis = (EmergencyRoute.Emergency) e911.router().route("luis", "9911", null);
      describeRoute(c, luis, false);
      String elin = luis.callbackNumber().orElseThrow().e164();
      Instant later = clock.instant().plus(Duration.ofMinutes(12));
      Optional<String> target = e911.router().callbackTarget(elin, later);
      expect(target.equals(Optional.of("luis")), "the PSAP callback reaches luis");
      line("12 minutes later the 911 center calls " + elin + " back -> reaches " + target.orElseThrow()
          + " (pool ELIN leased for " + c.policies().callbackWindow().toMinutes() + " minutes)");

      e911.close();
      title(8, "What changed on the platform");
      platform.changes().forEach(ch -> line(ch.kind() + " " + ch.target() + ": " + ch.detail()));

      title(9, "The audit of the example's configuration (traps planted on purpose, see examples/README.md)");
      AuditReport report = ComplianceAuditor.create(clock).auditConfig(c);
      for (Finding f : report.findings()) {
        line(f.severity() + " " + f.code() + "  " + f.subject().describe() + ": " + f.message());
        line("    fix: " + f.fix());
      }
      step.put("errors", report.count(Severity.ERROR));
      step.put("warnings", report.count(Severity.WARNING));
      ArrayNode codes = step.putArray("codes");
      report.findings().forEach(f -> codes.add(f.code().name()));
    }
    if (format == Format.json) {
      ObjectNode doc = Output.F.objectNode();
      ArrayNode arr = doc.putArray("steps");
      steps.forEach(arr::add);
      out.println(Output.json(doc));
    }
    out.flush();
    return ExitCode.OK;
  }

  /** The security desk's console, in process: records what it is sent. */
  private static final class DeskConsole implements dev.e911.api.spi.EmergencyNotifier {
    final java.util.concurrent.BlockingQueue<EmergencyNotification> received = new java.util.concurrent.LinkedBlockingQueue<>();
    private final String name;

    DeskConsole(String name) {
      this.name = name;
    }

    @Override
    public String id() {
      return "desk-console";
    }

    @Override
    public dev.e911.api.spi.NotificationOutcome send(EmergencyNotification notification) {
      received.add(notification);
      return new dev.e911.api.spi.NotificationOutcome.Delivered(name);
    }
  }

  private void signIn(E911 e911, String agent, String where, NetworkObservation o) {
    ObserveOutcome r = e911.locations().observe(agent, o);
    AgentLocation l = r.location().orElseThrow();
    line(String.format(java.util.Locale.ROOT, "%-6s %-34s -> %s %s [%s], next: %s", agent, where,
        l.locationId().map(id -> id + " " + l.source()).orElse(l.source().name()), l.verification(), r.rule(), r.next()));
    ArrayNode a = step.has("agents") ? (ArrayNode) step.get("agents") : step.putArray("agents");
    a.addObject().put("agentId", agent).put("rule", r.rule().name()).put("verification", l.verification().name())
        .put("source", l.source().name());
  }

  private void describeRoute(ContactCenterConfig c, EmergencyRoute.Emergency e, boolean showDocument) {
    line(e.classification() + " via rule " + e.ruleId() + ", dialled " + e.dialled());
    line("presented and callback number: " + e.callbackNumber().map(Object::toString).orElse("(none)")
        + c.agent(e.agentId()).flatMap(a -> a.maskedCallerId()).map(m -> " — not the masked queue number " + m).orElse(""));
    e.location().ifPresent(l -> line("location: " + l.address().oneLine() + " [" + l.source() + ", " + l.verification() + "]"));
    for (RouteWarning w : e.warnings()) {
      line("warning " + w.code() + ": " + w.message());
    }
    line("SIP: Geolocation: " + e.geolocation() + "   Geolocation-Routing: " + e.geolocationRouting());
    step.set("route", Output.tree(DomainJson.create().write(e)));
    if (showDocument && format == Format.text) {
      out.println("  PIDF-LO (" + e.pidfLoLength() + " bytes):");
      for (String l : new String(e.pidfLo(), StandardCharsets.UTF_8).split("\n")) {
        out.println("    " + l);
      }
    }
  }

  private void title(int n, String text) {
    step = Output.F.objectNode().put("step", n).put("title", text);
    step.putArray("lines");
    steps.add(step);
    if (format == Format.text) {
      out.println();
      out.println((n == 0 ? "" : "Step " + n + "  ") + text);
    }
  }

  private void line(String text) {
    ((ArrayNode) step.get("lines")).add(text);
    if (format == Format.text) {
      out.println("  " + text);
    }
  }

  private static void expect(boolean ok, String what) {
    if (!ok) {
      throw new IllegalStateException("demo step failed: " + what);
    }
  }
}
