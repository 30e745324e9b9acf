package dev.e911.reliability.remote;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.e911.api.address.AddressValidation;
import dev.e911.api.address.DispatchableAddress;
import dev.e911.api.location.Location;
import dev.e911.api.phone.Elin;
import dev.e911.api.spi.AddressValidationResult;
import dev.e911.api.spi.Binding;
import dev.e911.api.spi.BindingKey;
import dev.e911.api.spi.ConfigurationFix;
import dev.e911.api.spi.PlatformResult;
import dev.e911.api.spi.ProvisioningResult;
import dev.e911.api.spi.Secret;
import dev.e911.carrier.bandwidth.BandwidthCarrier;
import dev.e911.carrier.bandwidth.BandwidthConfig;
import dev.e911.carrier.intelepeer.IntelePeerCarrier;
import dev.e911.carrier.intelepeer.IntelePeerContract;
import dev.e911.carrier.intelepeer.IntelePeerSettings;
import dev.e911.genesys.FakeGenesys;
import dev.e911.genesys.GenesysPlatform;
import dev.e911.reliability.Scale;
import dev.e911.reliability.remote.Ledger.Outcome;
import dev.e911.reliability.remote.Ledger.Step;
import dev.e911.testkit.carrier.CarrierFake;
import dev.e911.testkit.http.FaultProxy;
import dev.e911.testkit.http.ProxyFault;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Issue 10, remote faults: the real adapters (GenesysPlatform sync / assign / fixes; the Bandwidth
 * Dashboard and IntelePeer v3 CarrierAdapters' validate / provision / remove) run many operations
 * through a {@link FaultProxy} in front of the loopback fakes, under one {@link FaultClass} per
 * scenario; then what was requested is compared with what the fake holds: nothing lost, nothing
 * duplicated, no success reported for something the fake does not hold. The table lands in
 * {@code target/reliability/remote-faults.md} and in this class's output file.
 */
@DisplayName("Remote faults: operations requested vs applied at the fakes, none lost, none duplicated")
class RemoteFaultAccountingTest {

  private static final Logger LOG = LoggerFactory.getLogger(RemoteFaultAccountingTest.class);
  /** Operations of each kind per scenario. */
  static final int N = Scale.of(4, 40);
  static final double RATE = 0.25;
  static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(2)).followRedirects(HttpClient.Redirect.NEVER).build();

  @AfterAll
  static void report() {
    String table = Ledger.table();
    LOG.info("remote fault accounting (scale {}):\n{}", Scale.heavy() ? "heavy" : "small", table);
    Ledger.write(Path.of("target", "reliability", "remote-faults.md"));
  }

  private static void check(Ledger l, FaultProxy proxy) {
    l.injected = proxy.counts();
    l.requests = proxy.exchanges().size();
    assertThat(l.injectedTotal()).as("faults actually injected for %s / %s", l.remote, l.faultClass).isPositive();
    assertThat(l.wrong).as("wrong answers (a rejection or unsupported caused by a transport fault)").isEmpty();
    assertThat(l.problems).as("lost, duplicated or falsely reported operations").isEmpty();
    assertThat(l.falseOk).isZero();
    assertThat(l.lost).isZero();
    assertThat(l.duplicated).isZero();
    assertThat(l.applied).isEqualTo(l.requested);
  }

  // ------------------------------------------------------------------ Genesys

  static Dialect genesysDialect(FakeGenesys fake) {
    return new Dialect("application/json",
        status -> "{\"message\":\"injected " + status + "\",\"code\":\"" + (status == 429 ? "too.many.requests" : "service.unavailable")
            + "\",\"status\":" + status + ",\"contextId\":\"ctx-proxy\",\"details\":[],\"errors\":[]}",
        r -> r.path().startsWith("/api/"),
        r -> new ProxyFault.BeforeForward("expired-token", fake::expireTokens),
        r -> "{\"message\":\"the token in '" + r.header("Authorization") + "' has expired\",\"code\":\"bad.credentials\","
            + "\"status\":401,\"contextId\":\"ctx-proxy-401\",\"details\":[],\"errors\":[]}");
  }

  static DispatchableAddress portland(int i) {
    return DispatchableAddress.builder("US").houseNumber(Integer.toString(100 + i)).streetName("Alder")
        .streetSuffix("Rd").unit("Unit " + (i + 1)).city("Portland").state("OR").postalCode("97201")
        .validation(new AddressValidation("reference", Instant.parse("2026-11-20T00:00:00Z"))).build();
  }

  static Location location(String id, String name, int i, int elin) {
    return new Location(id, name, portland(i),
        List.of(Elin.parse(String.format(Locale.ROOT, "+150355501%02d", elin % 100), "US", Elin.Kind.LOCATION_ELIN)));
  }

  @ParameterizedTest(name = "Genesys under {0}")
  @EnumSource(FaultClass.class)
  void genesys(FaultClass fc) {
    try (FakeGenesys fake = new FakeGenesys().cleanOrg()) {
      List<Location> synced = new ArrayList<>();
      List<Location> assigned = new ArrayList<>();
      List<String> sites = new ArrayList<>();
      for (int i = 0; i < N; i++) {
        synced.add(location("agent-" + i, "WFH - Agent " + i, i, i));
        assigned.add(location("agent-a-" + i, "WFH - Agent A" + i, 50 + i, 50 + i));
        String site = "site-r" + i;
        fake.addSite(site, "Remote " + i, "loc-hq");
        fake.numberPlans.get(site).remove(1); // its E911 933 entry: the fix must add it back, once
        sites.add(site);
        fake.users.put("u-ag-" + i, FakeGenesys.json("{'id':'u-ag-" + i + "','name':'Agent " + i
            + "','version':1,'state':'active','locations':[]}"));
      }
      Storm storm = new Storm(fc, 10_000L + fc.ordinal(), RATE, genesysDialect(fake));
      Ledger ledger = new Ledger("genesys", fc);
      try (FaultProxy proxy = FaultProxy.start(fake.server.baseUri(), storm);
          GenesysPlatform g = fake.platform().apiBase(proxy.baseUri()).loginBase(proxy.baseUri()).build()) {
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < N; i++) {
          Location s = synced.get(i);
          Location a = assigned.get(i);
          String user = "u-ag-" + i;
          String site = sites.get(i);
          steps.add(new Step("sync " + s.name(), () -> platform(g.upsertLocation(s)), () -> holds(fake, s),
              () -> copies(fake, s.name()), 1));
          steps.add(new Step("assign " + user, () -> platform(g.assignLocation(user, a)),
              () -> holds(fake, a) && assignedTo(fake, user, a), () -> copies(fake, a.name()), 1));
          ConfigurationFix fix = new ConfigurationFix(ConfigurationFix.Kind.ADD_EMERGENCY_NUMBER_PLAN, site, "");
          steps.add(new Step("fix " + site, () -> platform(g.applyFix(fix, false)), () -> plans(fake, site, "E911 933") == 1
              && plans(fake, site, "E911 911") == 1, () -> plans(fake, site, "E911 933"), 1));
        }
        ledger.drive(storm, steps);
        check(ledger, proxy);
      }
    }
  }

  private static Outcome platform(PlatformResult<?> r) {
    if (r instanceof PlatformResult.Ok) {
      return Outcome.ok();
    }
    if (r instanceof PlatformResult.Failed<?> f) {
      return Outcome.failed(f.failure().kind() + " " + f.failure().message());
    }
    return Outcome.wrong(r.toString());
  }

  private static boolean holds(FakeGenesys fake, Location l) {
    synchronized (fake) {
      return copies(fake, l.name()) == 1 && fake.locations.values().stream()
          .filter(x -> x.path("name").asText().equals(l.name()) && !x.path("state").asText().equals("deleted"))
          .allMatch(x -> x.path("emergencyNumber").path("number").asText().equals(l.elins().get(0).e164()));
    }
  }

  private static int copies(FakeGenesys fake, String name) {
    synchronized (fake) {
      return (int) fake.locations.values().stream()
          .filter(x -> x.path("name").asText().equals(name) && !x.path("state").asText().equals("deleted")).count();
    }
  }

  private static boolean assignedTo(FakeGenesys fake, String user, Location l) {
    synchronized (fake) {
      Optional<String> id = fake.locations.values().stream().filter(x -> x.path("name").asText().equals(l.name()))
          .map(x -> x.path("id").asText()).findFirst();
      JsonNode locs = fake.users.get(user).path("locations");
      return id.isPresent() && locs.size() == 1 && locs.get(0).path("locationDefinition").path("id").asText().equals(id.get());
    }
  }

  private static int plans(FakeGenesys fake, String site, String name) {
    synchronized (fake) {
      int n = 0;
      for (JsonNode p : fake.numberPlans.get(site)) {
        n += p.path("name").asText().equals(name) ? 1 : 0;
      }
      return n;
    }
  }

  // ------------------------------------------------------------------ carriers

  static DispatchableAddress tampa(int i) {
    return DispatchableAddress.builder("US").houseNumber(Integer.toString(2200 + i)).preDirectional("W")
        .streetName("Harbour View").streetSuffix("Blvd").city("Tampa").state("FL").postalCode("33602").build();
  }

  private static Outcome provisioning(ProvisioningResult r, CarrierFake fake) {
    if (r instanceof ProvisioningResult.Done) {
      return Outcome.ok();
    }
    if (r instanceof ProvisioningResult.Pending) {
      fake.settlePendingWork(); // the carrier finishes the accepted order on its own
      return Outcome.ok();
    }
    if (r instanceof ProvisioningResult.Failed f) {
      return Outcome.failed(f.failure().kind() + " " + f.failure().message());
    }
    return Outcome.wrong(r.toString());
  }

  private static boolean holds(CarrierFake fake, BindingKey key, DispatchableAddress a) {
    return fake.provisioned(key).flatMap(DispatchableAddress::houseNumber).equals(a.houseNumber());
  }

  static Dialect bandwidthDialect() {
    return new Dialect("application/xml",
        status -> "<ResponseStatus><ErrorCode>" + (status == 429 ? "12005" : "12109") + "</ErrorCode><Description>injected "
            + status + "</Description></ResponseStatus>",
        r -> true,
        r -> new ProxyFault.Answer(401, Map.of("Content-Type", "application/xml"),
            "<ResponseStatus><Description>Unauthorized</Description></ResponseStatus>"),
        r -> "<ResponseStatus><ErrorCode>401</ErrorCode><Description>Credentials '" + r.header("Authorization")
            + "' refused</Description></ResponseStatus>");
  }

  private static final Pattern COID = Pattern.compile("<CustomerOrderId>([^<]+)</CustomerOrderId>");

  /** The most times one CustomerOrderId's order POST reached the fake, among the orders naming {@code tn}. */
  private static int orderCopies(CarrierFake fake, String tn, boolean delete) {
    Map<String, Integer> byCoid = new HashMap<>();
    for (String r : fake.receivedRequests()) {
      if (r.startsWith("POST") && r.lines().findFirst().orElse("").contains("/e911s") && r.contains(tn)
          && r.contains("DeleteTNSpecificE911Address") == delete) {
        Matcher m = COID.matcher(r);
        if (m.find()) {
          byCoid.merge(m.group(1), 1, Integer::sum);
        }
      }
    }
    return byCoid.values().stream().mapToInt(Integer::intValue).max().orElse(0);
  }

  @ParameterizedTest(name = "Bandwidth (Dashboard) under {0}")
  @EnumSource(FaultClass.class)
  void bandwidth(FaultClass fc) {
    try (CarrierFake fake = RemoteFakes.bandwidthDashboard()) {
      Storm storm = new Storm(fc, 20_000L + fc.ordinal(), RATE, bandwidthDialect());
      Ledger ledger = new Ledger("bandwidth", fc);
      VirtualTime time = new VirtualTime();
      try (FaultProxy proxy = FaultProxy.start(RemoteFakes.server(fake).baseUri(), storm)) {
        BandwidthConfig config = BandwidthConfig.builder(BandwidthConfig.Mode.DASHBOARD)
            .baseUrl(proxy.uri("/api"))
            .accountId(RemoteFakes.constant(RemoteFakes.BANDWIDTH, "ACCOUNT"))
            .basic(Secret.of(RemoteFakes.constant(RemoteFakes.BANDWIDTH, "USERNAME")),
                Secret.of(RemoteFakes.constant(RemoteFakes.BANDWIDTH, "PASSWORD")))
            .attemptTimeout(Duration.ofSeconds(2)).connectTimeout(Duration.ofSeconds(2)).maxAttempts(3)
            .retryInitialBackoff(Duration.ofMillis(10)).retryMaxBackoff(Duration.ofMillis(100))
            .maxRetryAfter(Duration.ofSeconds(2)).pollInitialDelay(Duration.ofMillis(20))
            .pollMaxDelay(Duration.ofMillis(100)).pollMaxWait(Duration.ofSeconds(5)).requestsPerSecond(100).build();
        try (BandwidthCarrier carrier = BandwidthCarrier.builder(config).clock(time).sleeper(time).httpClient(CLIENT).build()) {
          List<Step> steps = new ArrayList<>();
          for (int i = 0; i < N; i++) {
            DispatchableAddress a = tampa(i);
            fake.knowAddress(a);
            String e164 = String.format(Locale.ROOT, "+141555501%02d", i);
            String tn = e164.substring(2);
            BindingKey key = BindingKey.number(e164);
            Binding binding = new Binding.NumberBinding(Elin.parse(e164, "US", Elin.Kind.LOCATION_ELIN), a, "Acme Support");
            AtomicBoolean valid = new AtomicBoolean();
            steps.add(new Step("validate " + i, () -> {
              AddressValidationResult r = carrier.validate(a);
              if (r instanceof AddressValidationResult.Valid) {
                valid.set(true);
                return Outcome.ok();
              }
              return r instanceof AddressValidationResult.Failed f ? Outcome.failed(f.failure().message())
                  : Outcome.wrong(r.toString());
            }, valid::get, () -> 0, 0));
            steps.add(new Step("provision " + e164, () -> provisioning(carrier.provision(binding), fake),
                () -> holds(fake, key, a), () -> orderCopies(fake, tn, false), 1));
            if (i % 2 == 0) {
              steps.add(new Step("remove " + e164, () -> provisioning(carrier.remove(key), fake),
                  () -> fake.provisioned(key).isEmpty(), () -> orderCopies(fake, tn, true), 1));
            }
          }
          ledger.drive(storm, steps, () -> time.sleep(Duration.ofSeconds(1)));
          check(ledger, proxy);
        }
      }
    }
  }

  static Dialect intelePeerDialect(CarrierFake fake) {
    return new Dialect("application/json",
        status -> "{\"code\":" + status + ",\"error\":\"injected " + status + "\"}",
        r -> !r.path().equals("/_rest/v4/authenticate"),
        r -> new ProxyFault.BeforeForward("expired-token", () -> RemoteFakes.refuseTokens(fake, 1)),
        r -> "{\"code\":401,\"error\":\"Unauthorized\",\"message\":\"token " + r.header("Authorization") + " expired\"}");
  }

  @ParameterizedTest(name = "IntelePeer (v3) under {0}")
  @EnumSource(FaultClass.class)
  void intelePeer(FaultClass fc) {
    try (CarrierFake fake = RemoteFakes.intelePeer()) {
      Storm storm = new Storm(fc, 30_000L + fc.ordinal(), RATE, intelePeerDialect(fake));
      Ledger ledger = new Ledger("intelepeer", fc);
      VirtualTime time = new VirtualTime();
      try (FaultProxy proxy = FaultProxy.start(RemoteFakes.server(fake).baseUri(), storm)) {
        IntelePeerSettings settings = IntelePeerSettings.builder()
            .baseUrl(proxy.baseUri()).contract(IntelePeerContract.V3)
            .username(Secret.of(RemoteFakes.constant(RemoteFakes.INTELEPEER, "USERNAME")))
            .password(Secret.of(RemoteFakes.constant(RemoteFakes.INTELEPEER, "PASSWORD")))
            .serviceBusiness("Acme Support LLC").serviceUser("Dana Ortiz").serviceUserTitle("Telecom Administrator")
            .connectTimeout(Duration.ofSeconds(2)).requestTimeout(Duration.ofSeconds(2)).maxAttempts(3)
            .initialBackoff(Duration.ofMillis(10)).maxBackoff(Duration.ofMillis(50))
            .orderWait(Duration.ofSeconds(5)).orderPollInterval(Duration.ofMillis(50)).requestsPerSecond(1000).build();
        try (IntelePeerCarrier carrier = IntelePeerCarrier.builder(settings).clock(time).sleeper(time).httpClient(CLIENT).build()) {
          List<Step> steps = new ArrayList<>();
          for (int i = 0; i < N; i++) {
            DispatchableAddress a = tampa(i);
            String e164 = String.format(Locale.ROOT, "+181355501%02d", i);
            BindingKey key = BindingKey.number(e164);
            Binding binding = new Binding.NumberBinding(Elin.parse(e164, "US", Elin.Kind.LOCATION_ELIN), a, "Acme Support");
            steps.add(new Step("provision " + e164, () -> provisioning(carrier.provision(binding), fake),
                () -> holds(fake, key, a), () -> fake.bindingCount(key), 1));
            if (i % 2 == 0) {
              steps.add(new Step("remove " + e164, () -> provisioning(carrier.remove(key), fake),
                  () -> fake.bindingCount(key) == 0, () -> fake.bindingCount(key), 0));
            }
          }
          ledger.drive(storm, steps, () -> time.sleep(Duration.ofSeconds(1)));
          check(ledger, proxy);
        }
      }
    }
  }
}
