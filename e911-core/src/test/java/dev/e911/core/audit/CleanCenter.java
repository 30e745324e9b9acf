package dev.e911.core.audit;

import dev.e911.api.address.AddressValidation;
import dev.e911.api.address.DispatchableAddress;
import dev.e911.api.agent.Agent;
import dev.e911.api.agent.StationKind;
import dev.e911.api.location.AgentLocation;
import dev.e911.api.location.Location;
import dev.e911.api.location.LocationSource;
import dev.e911.api.location.VerificationState;
import dev.e911.api.phone.Elin;
import dev.e911.api.routing.EmergencyRoutingRule;
import dev.e911.api.site.Site;
import dev.e911.api.spi.BindingKey;
import dev.e911.api.spi.PlatformInventory;
import dev.e911.api.spi.ProvisionedBinding;
import dev.e911.api.spi.ReadBackResult;
import dev.e911.core.config.ComponentSettings;
import dev.e911.core.config.ContactCenterConfig;
import dev.e911.core.config.Policies;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A clean contact center, as mutable lists a test changes before building the records: an HQ office
 * site and a remote site whose agents each have their own verified home location; 911, 9911 and 933
 * classified Emergency ahead of the extension plan; an unmasked Emergency route (the masked default
 * route carries only National); WebRTC force TURN and the prompt on for remote users; every ELIN held
 * by the carrier at its address; a notifier; fresh verification.
 */
final class CleanCenter {

  static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
  static final AddressValidation VALID = new AddressValidation("reference", NOW.minus(Duration.ofDays(3)));

  final List<PlatformInventory.NumberPlanEntry> hqPlan = plan();
  final List<PlatformInventory.NumberPlanEntry> remotePlan = plan();
  final List<PlatformInventory.OutboundRoute> hqRoutes = routes("hq");
  final List<PlatformInventory.OutboundRoute> remoteRoutes = routes("remote");
  String remoteSiteLocation = "loc-remote";
  final Map<String, PlatformInventory.Location> locations = new LinkedHashMap<>();
  final Map<String, PlatformInventory.User> users = new LinkedHashMap<>();
  final List<PlatformInventory.Gap> gaps = new ArrayList<>();

  final Map<String, Location> configLocations = new LinkedHashMap<>();
  final Map<String, AgentLocation> agentLocations = new LinkedHashMap<>();
  final List<EmergencyRoutingRule> rules = new ArrayList<>(EmergencyRoutingRule.usDefaults());
  final List<ComponentSettings> notifiers = new ArrayList<>(List.of(
      new ComponentSettings("security-desk", "log", Map.of(), Map.of())));
  Site.MediaPolicy remotePolicy = Site.MediaPolicy.remoteDefaults();
  final Map<String, ReadBackResult> carrier = new LinkedHashMap<>();

  static final DispatchableAddress HQ = DispatchableAddress.builder("US").houseNumber("1200").preDirectional("N")
      .streetName("Point").streetSuffix("St").city("San Francisco").state("CA").postalCode("94133").floor("2")
      .validation(VALID).build();
  static final DispatchableAddress JANE = DispatchableAddress.builder("US").houseNumber("4521").streetName("Avenida de los Arboles")
      .unit("Apt 2B").city("Austin").state("TX").postalCode("78745").validation(VALID).build();
  static final DispatchableAddress RAJ = DispatchableAddress.builder("US").houseNumber("77").streetName("Alder").streetSuffix("Rd")
      .city("Portland").state("OR").postalCode("97201").validation(VALID).build();
  static final DispatchableAddress SAM = DispatchableAddress.builder("US").houseNumber("9").streetName("Elm").streetSuffix("St")
      .city("Denver").state("CO").postalCode("80202").validation(VALID).build();
  static final DispatchableAddress REMOTE_DEFAULT = DispatchableAddress.builder("US").houseNumber("500").streetName("Main")
      .streetSuffix("St").city("Chicago").state("IL").postalCode("60601").validation(VALID).build();

  CleanCenter() {
    platformLocation("loc-hq", "SF HQ", "1200 N Point St", "Floor 2", "San Francisco", "CA", "94133", "+14155550140");
    platformLocation("loc-jane", "WFH Jane", "4521 Avenida de los Arboles", "Apt 2B", "Austin", "TX", "78745", "+15125550117");
    platformLocation("loc-raj", "WFH Raj", "77 Alder Rd", "", "Portland", "OR", "97201", "+15035550121");
    platformLocation("loc-remote", "Remote default", "500 Main St", "", "Chicago", "IL", "60601", "+13125550190");
    users.put("u-bob", new PlatformInventory.User("u-bob", "Bob", "site-hq", List.of("loc-hq"), StationKind.WEBRTC, false, false));
    users.put("u-dee", new PlatformInventory.User("u-dee", "Dee", "site-hq", List.of("loc-hq"), StationKind.HARD_PHONE, false, false));
    users.put("u-jane", new PlatformInventory.User("u-jane", "Jane", "site-remote", List.of("loc-jane"), StationKind.WEBRTC, true, true));
    users.put("u-raj", new PlatformInventory.User("u-raj", "Raj", "site-remote", List.of("loc-raj"), StationKind.WEBRTC, true, true));

    configLocation("loc-hq", "SF HQ", HQ, "+14155550140");
    configLocation("loc-jane", "WFH Jane", JANE, "+15125550117");
    configLocation("loc-raj", "WFH Raj", RAJ, "+15035550121");
    configLocation("loc-remote", "Remote default", REMOTE_DEFAULT, "+13125550190");
    configLocation("loc-sam", "WFH Sam", SAM, null);
    verified("jane", JANE, "loc-jane", NOW.minus(Duration.ofHours(1)));
    verified("sam", SAM, "loc-sam", NOW.minus(Duration.ofHours(2)));
    held("+14155550140", HQ);
    held("+15125550117", JANE);
    held("+15035550121", RAJ);
    held("+13125550190", REMOTE_DEFAULT);
    // the carrier standardises spelling: upper case, long street suffix; still the same place
    held("+15125550999", DispatchableAddress.builder("US").houseNumber("4521").streetName("AVENIDA DE LOS ARBOLES")
        .unit("APT 2B").city("AUSTIN").state("TX").postalCode("78745-1234").validation(VALID).build());
  }

  static List<PlatformInventory.NumberPlanEntry> plan() {
    return new ArrayList<>(List.of(
        new PlatformInventory.NumberPlanEntry("E911 911", "^911$", "Emergency", 0),
        new PlatformInventory.NumberPlanEntry("E911 911 via outside line 9", "^9911$", "Emergency", 1),
        new PlatformInventory.NumberPlanEntry("E911 933", "^933$", "Emergency", 2),
        new PlatformInventory.NumberPlanEntry("Extension", "^[0-9]{3,5}$", "Extension", 3),
        new PlatformInventory.NumberPlanEntry("National", "(?!)", "National", 4),
        new PlatformInventory.NumberPlanEntry("Suicide Prevention", "^988$", "Suicide Prevention", 5)));
  }

  static List<PlatformInventory.OutboundRoute> routes(String site) {
    return new ArrayList<>(List.of(
        new PlatformInventory.OutboundRoute("or-e911-" + site, "E911 via BYOC", List.of("Emergency"), false, ""),
        new PlatformInventory.OutboundRoute("or-main-" + site, "Default", List.of("National", "International"), true,
            "+18005550100")));
  }

  void platformLocation(String id, String name, String street1, String street2, String city, String state, String zip, String elin) {
    Map<String, String> a = new LinkedHashMap<>();
    a.put("street1", street1);
    if (!street2.isEmpty()) {
      a.put("street2", street2);
    }
    a.put("city", city);
    a.put("state", state);
    a.put("zipcode", zip);
    a.put("country", "US");
    locations.put(id, new PlatformInventory.Location(id, name, a, true, elin));
  }

  void configLocation(String id, String name, DispatchableAddress address, String elin) {
    configLocations.put(id, new Location(id, name, address,
        elin == null ? List.of() : List.of(Elin.parse(elin, "US", Elin.Kind.LOCATION_ELIN))));
  }

  void verified(String agent, DispatchableAddress address, String locationId, Instant since) {
    agentLocations.put(agent, AgentLocation.builder(agent).address(address).locationId(locationId)
        .source(LocationSource.USER_CONFIRMED).verification(VerificationState.REMOTE_VERIFIED).since(since).build());
  }

  void held(String number, DispatchableAddress address) {
    carrier.put(number, new ReadBackResult.Found(new ProvisionedBinding(BindingKey.number(number), address, "ref-" + number)));
  }

  PlatformInventory inventory() {
    return new PlatformInventory(List.of(
        new PlatformInventory.Site("site-hq", "San Francisco HQ", "loc-hq", hqPlan, hqRoutes),
        new PlatformInventory.Site("site-remote", "Remote Workers", remoteSiteLocation, remotePlan, remoteRoutes)),
        List.copyOf(locations.values()), List.copyOf(users.values()), gaps);
  }

  ContactCenterConfig config() {
    List<Site> sites = List.of(
        new Site("site-hq", "San Francisco HQ", Site.Kind.FIXED, "loc-hq", new Site.MediaPolicy(false, false), List.of()),
        new Site("site-remote", "Remote Workers", Site.Kind.REMOTE, "loc-remote", remotePolicy, List.of()));
    List<Agent> agents = List.of(
        Agent.builder("bob").displayName("Bob").siteId("site-hq").station(StationKind.WEBRTC).build(),
        Agent.builder("jane").displayName("Jane").siteId("site-remote").station(StationKind.WEBRTC)
            .did(Elin.parse("+15125550999", "US", Elin.Kind.AGENT_DID)).maskedCallerId(
                dev.e911.api.phone.E164Number.parse("+18005550100")).build(),
        Agent.builder("sam").displayName("Sam").siteId("site-remote").station(StationKind.WEBRTC).build());
    return new ContactCenterConfig("Acme support", "US", "9", Policies.defaults(), List.of(), sites,
        List.copyOf(configLocations.values()), List.of(), agents, rules, notifiers, List.copyOf(agentLocations.values()));
  }

  List<ReadBackResult> readBack() {
    return List.copyOf(carrier.values());
  }

  AuditRequest request() {
    return AuditRequest.builder().inventory(inventory()).config(config()).carrierReadBack(readBack()).build();
  }

  static PlatformInventory.User withUser(PlatformInventory.User u, List<String> locations, boolean turn, boolean prompt) {
    return new PlatformInventory.User(u.id(), u.name(), u.siteId(), locations, u.station(), turn, prompt);
  }

  static PlatformInventory.Location withLocation(PlatformInventory.Location l, Map<String, String> address, boolean verified) {
    return new PlatformInventory.Location(l.id(), l.name(), address, verified, l.emergencyNumber());
  }
}
