package dev.e911.benchmarks.route;

import dev.e911.api.address.AddressValidation;
import dev.e911.api.address.DispatchableAddress;
import dev.e911.api.agent.Agent;
import dev.e911.api.location.AgentLocation;
import dev.e911.api.location.Location;
import dev.e911.api.location.LocationSource;
import dev.e911.api.location.VerificationState;
import dev.e911.api.network.IpAddress;
import dev.e911.api.network.NetworkFingerprint;
import dev.e911.api.network.NetworkObservation;
import dev.e911.api.phone.E164Number;
import dev.e911.api.phone.Elin;
import dev.e911.api.routing.EmergencyRoutingRule;
import dev.e911.api.site.Site;
import dev.e911.core.config.ContactCenterConfig;
import dev.e911.core.config.NetworkMapping;
import dev.e911.core.config.Policies;
import dev.e911.core.network.IpPrefix;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A synthetic contact center of {@code n} agents, built programmatically (no file) from a fixed seed:
 * {@code max(10, n/10)} office locations, each with one location ELIN and {@code min(n, 100 000)}
 * /25 subnets spread over them under 10.0.0.0/8; two sites (a FIXED office whose default is
 * {@code loc-0}, and a REMOTE site with an 8-number ELIN pool, default {@code loc-0} as usual);
 * agents, every one with a DID, in a fixed mix by index:
 * <ul>
 *   <li>{@link Kind#HOME_VERIFIED} (i % 10 in 0..3, 40 %): remote, USER_CONFIRMED + REMOTE_VERIFIED at a
 *       home address of their own, observed on an unmapped home network (192.168.0.0/16 behind 203.0.113.0/24);
 *   <li>{@link Kind#OFFICE} (4..6, 30 %): office site, NETWORK_MATCH + REMOTE_VERIFIED at {@code loc-k},
 *       observed inside one of {@code loc-k}'s subnets;
 *   <li>{@link Kind#UNVERIFIED} (7..8, 20 %): remote, USER_CONFIRMED but UNVERIFIED (network changed);
 *   <li>{@link Kind#NO_LOCATION} (9, 10 %): remote, no claim at all (the router sends the site default).
 * </ul>
 * The claims are carried in {@code agentLocations} of the configuration (as a loaded file would),
 * with {@code since} one hour before {@code now}. Unknown agents are ids {@code ghost-i}.
 */
public final class SyntheticContactCenter {

  /** The agent mix. */
  public enum Kind { HOME_VERIFIED, OFFICE, UNVERIFIED, NO_LOCATION }

  private static final String[][] CITIES = {{"TX", "Austin", "787"}, {"CA", "San Francisco", "941"}, {"NY", "New York", "100"},
      {"IL", "Chicago", "606"}, {"WA", "Seattle", "981"}, {"MA", "Boston", "021"}, {"CO", "Denver", "802"}, {"GA", "Atlanta", "303"}};
  private static final String[] STREETS = {"Main", "Oak", "Avenida de los Árboles", "Market", "Ñandú", "5th", "Congress", "Lamar"};
  private static final String[] SUFFIXES = {"St", "Ave", "Blvd", "Rd", "Dr", "Ln"};
  private static final AddressValidation VALIDATED = new AddressValidation("reference", Instant.parse("2026-11-20T15:04:05Z"));

  public final int agentCount;
  public final ContactCenterConfig config;
  public final String[] agentIds;
  public final Kind[] kinds;
  /** Where each agent's client is now (office agents: inside their location's subnet; everyone else: a home network). */
  public final NetworkObservation[] observations;
  /** Per location index, the first of its subnets' network addresses (for moving office agents). */
  public final int[][] locationSubnets;
  public final Instant now;

  private int numberCursor;

  private SyntheticContactCenter(int n, Instant now) {
    this.agentCount = n;
    this.now = now;
    SplittableRandom random = new SplittableRandom(911L * n);
    int locationCount = Math.max(10, n / 10);
    int subnetCount = Math.min(n, 100_000);

    List<Location> locations = new ArrayList<>(locationCount);
    for (int i = 0; i < locationCount; i++) {
      String[] city = CITIES[i % CITIES.length];
      DispatchableAddress a = DispatchableAddress.builder("US").state(city[0]).city(city[1]).houseNumber(Integer.toString(100 + i))
          .streetName(STREETS[i % STREETS.length]).streetSuffix(SUFFIXES[i % SUFFIXES.length])
          .postalCode(city[2] + String.format(java.util.Locale.ROOT, "%02d", i % 100)).floor(Integer.toString(1 + i % 40))
          .unit("Suite " + (100 + i % 900)).requiresInBuildingDetail(true).validation(VALIDATED).build();
      locations.add(new Location("loc-" + i, "Office " + i, a, List.of(nextNumber(Elin.Kind.LOCATION_ELIN))));
    }

    // subnets: /25s under 10.0.0.0/8, location k gets subnets k, k + L, k + 2L, ...
    List<List<IpPrefix>> perLocation = new ArrayList<>(locationCount);
    for (int i = 0; i < locationCount; i++) {
      perLocation.add(new ArrayList<>());
    }
    for (int s = 0; s < subnetCount; s++) {
      int network = (10 << 24) + s * 128;
      perLocation.get(s % locationCount).add(new IpPrefix(IpAddress.ofV4(network), 25));
    }
    locationSubnets = new int[locationCount][];
    List<NetworkMapping> map = new ArrayList<>(locationCount);
    for (int i = 0; i < locationCount; i++) {
      List<IpPrefix> subnets = perLocation.get(i);
      locationSubnets[i] = subnets.stream().mapToInt(p -> (int) p.network().low()).toArray();
      if (!subnets.isEmpty()) {
        map.add(new NetworkMapping("loc-" + i, subnets, List.of(), List.of(), List.of()));
      }
    }

    List<Elin> pool = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      pool.add(nextNumber(Elin.Kind.POOL_ELIN));
    }
    List<Site> sites = List.of(
        new Site("office", "Offices", Site.Kind.FIXED, "loc-0", new Site.MediaPolicy(false, false), List.of()),
        new Site("remote", "Remote workers", Site.Kind.REMOTE, "loc-0", Site.MediaPolicy.remoteDefaults(), pool));

    agentIds = new String[n];
    kinds = new Kind[n];
    observations = new NetworkObservation[n];
    List<Agent> agents = new ArrayList<>(n);
    List<AgentLocation> claims = new ArrayList<>(n);
    Instant since = now.minusSeconds(3600);
    for (int i = 0; i < n; i++) {
      String id = "agent-" + i;
      int m = i % 10;
      Kind kind = m <= 3 ? Kind.HOME_VERIFIED : m <= 6 ? Kind.OFFICE : m <= 8 ? Kind.UNVERIFIED : Kind.NO_LOCATION;
      agentIds[i] = id;
      kinds[i] = kind;
      agents.add(Agent.builder(id).displayName("Agent " + i).siteId(kind == Kind.OFFICE ? "office" : "remote")
          .did(nextNumber(Elin.Kind.AGENT_DID)).build());
      if (kind == Kind.OFFICE) {
        int loc = random.nextInt(locationCount);
        int[] nets = locationSubnets[loc];
        int ip = nets[random.nextInt(nets.length)] + 1 + random.nextInt(120);
        NetworkObservation o = NetworkObservation.builder(since).localAddress(IpAddress.ofV4(ip)).build();
        observations[i] = o;
        claims.add(AgentLocation.builder(id).address(locations.get(loc).address()).locationId("loc-" + loc)
            .source(LocationSource.NETWORK_MATCH).verification(VerificationState.REMOTE_VERIFIED).since(since)
            .fingerprint(o.fingerprint().orElseThrow()).build());
      } else {
        NetworkObservation o = home(i, since);
        observations[i] = o;
        if (kind == Kind.NO_LOCATION) {
          continue;
        }
        String[] city = CITIES[i % CITIES.length];
        DispatchableAddress home = DispatchableAddress.builder("US").state(city[0]).city(city[1])
            .houseNumber(Integer.toString(1 + random.nextInt(99_999))).streetName(STREETS[random.nextInt(STREETS.length)])
            .streetSuffix(SUFFIXES[random.nextInt(SUFFIXES.length)]).unit(i % 3 == 0 ? "Apt " + (1 + i % 50) : null)
            .postalCode(city[2] + String.format(java.util.Locale.ROOT, "%02d", random.nextInt(100))).validation(VALIDATED).build();
        NetworkFingerprint fp = kind == Kind.HOME_VERIFIED ? o.fingerprint().orElseThrow() : new NetworkFingerprint("public=198.51.100.0/24");
        claims.add(AgentLocation.builder(id).address(home).source(LocationSource.USER_CONFIRMED)
            .verification(kind == Kind.HOME_VERIFIED ? VerificationState.REMOTE_VERIFIED : VerificationState.UNVERIFIED)
            .since(since).fingerprint(fp).build());
      }
    }
    config = new ContactCenterConfig("Synthetic " + n, "US", "9", Policies.defaults(), List.of(), sites, locations, map,
        agents, EmergencyRoutingRule.usDefaults(), List.of(), claims);
  }

  /** Builds the contact center for {@code n} agents; the claims are one hour old at {@code now}. */
  public static SyntheticContactCenter generate(int n, Instant now) {
    return new SyntheticContactCenter(n, now);
  }

  private static NetworkObservation home(int i, Instant at) {
    int local = (192 << 24) | (168 << 16) | ((i & 0xff) << 8) | (2 + (i >>> 8) % 250);
    int pub = (203 << 24) | (113 << 8) | (i % 254 + 1); // 203.0.113.x, not in the map
    return NetworkObservation.builder(at).localAddress(IpAddress.ofV4(local)).publicAddress(IpAddress.ofV4(pub)).build();
  }

  /** Distinct US numbers +1 512 EEE LLLL (EEE 200.., skipping N11 and anything libphonenumber refuses). */
  private Elin nextNumber(Elin.Kind kind) {
    while (true) {
      int c = numberCursor++;
      int exchange = 200 + c / 10_000;
      int line = c % 10_000;
      if (exchange % 100 == 11 || exchange == 555 || exchange == 950 || exchange == 958 || exchange == 959 || exchange == 976) {
        continue;
      }
      try {
        return new Elin(new E164Number(String.format(java.util.Locale.ROOT, "+1512%03d%04d", exchange, line)), kind);
      } catch (RuntimeException refused) {
        numberCursor = (c / 10_000 + 1) * 10_000; // the whole exchange is refused: skip it
      }
    }
  }

  /** Ids of {@code count} agents of the given kinds, cycling through the population. */
  public String[] agentsOf(int count, SplittableRandom random, Kind... wanted) {
    List<Integer> pool = new ArrayList<>();
    for (int i = 0; i < agentCount; i++) {
      for (Kind k : wanted) {
        if (kinds[i] == k) {
          pool.add(i);
        }
      }
    }
    String[] out = new String[count];
    for (int i = 0; i < count; i++) {
      out[i] = agentIds[pool.get(random.nextInt(pool.size()))];
    }
    return out;
  }

  /** Index of an agent id. */
  public static int indexOf(String agentId) {
    return Integer.parseInt(agentId.substring(agentId.indexOf('-') + 1));
  }
}
