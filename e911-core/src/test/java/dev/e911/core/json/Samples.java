package dev.e911.core.json;

import dev.e911.api.address.AddressValidation;
import dev.e911.api.address.DispatchableAddress;
import dev.e911.api.address.GeoPoint;
import dev.e911.api.agent.Agent;
import dev.e911.api.agent.StationKind;
import dev.e911.api.location.AgentLocation;
import dev.e911.api.location.Location;
import dev.e911.api.location.LocationSource;
import dev.e911.api.location.VerificationState;
import dev.e911.api.network.NetworkFingerprint;
import dev.e911.api.network.NetworkObservation;
import dev.e911.api.phone.E164Number;
import dev.e911.api.phone.Elin;
import dev.e911.api.routing.CallbackPolicy;
import dev.e911.api.routing.Classification;
import dev.e911.api.routing.EmergencyRoute;
import dev.e911.api.routing.EmergencyRoutingRule;
import dev.e911.api.routing.RouteWarning;
import dev.e911.api.site.Site;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/** Hand-made sample values of every domain type. */
final class Samples {

  static final Instant T0 = Instant.parse("2026-11-25T16:00:00Z");

  static DispatchableAddress hq() {
    return DispatchableAddress.builder("US").houseNumber("1200").preDirectional("N").streetName("Point")
        .streetSuffix("St").unit("Suite 310").floor("3").city("San Francisco").state("CA").postalCode("94133-1234")
        .point(new GeoPoint(37.8065, -122.4183, 25)).validation(new AddressValidation("reference", T0))
        .requiresInBuildingDetail(true).build();
  }

  static DispatchableAddress home() {
    return DispatchableAddress.builder("US").houseNumber("742").streetName("Evergreen").streetSuffix("Terrace")
        .city("Springfield").state("OR").postalCode("97477").build();
  }

  static Location hqLocation() {
    return new Location("hq-3", "HQ floor 3", hq(), List.of(Elin.parse("+1 415 555 0142", null, Elin.Kind.LOCATION_ELIN)));
  }

  static Site remoteSite() {
    return new Site("remote", "Remote Workers", Site.Kind.REMOTE, "hq-3", Site.MediaPolicy.remoteDefaults(),
        List.of(Elin.parse("+14155550190", null, Elin.Kind.POOL_ELIN), Elin.parse("+14155550191", null, Elin.Kind.POOL_ELIN)));
  }

  static EmergencyRoutingRule rule() {
    return new EmergencyRoutingRule("911", "^911$", Classification.EMERGENCY, 1, CallbackPolicy.AGENT_DID, true);
  }

  static Agent agent() {
    return Agent.builder("maria").displayName("María José Núñez").siteId("remote").station(StationKind.WEBRTC)
        .did(Elin.parse("tel:+1-503-555-0117", null, Elin.Kind.AGENT_DID))
        .maskedCallerId(E164Number.parse("+18005550100")).build();
  }

  static NetworkObservation observation() {
    return NetworkObservation.builder(T0).localAddress("192.168.1.23").localAddress("fe80::1%en0")
        .publicAddress("203.0.113.7").bssid("00-11-22-AA-BB-CC").lldp("sw1/Gi1/0/24").build();
  }

  static AgentLocation agentLocation() {
    return AgentLocation.builder("maria").address(hq()).locationId("hq-3").source(LocationSource.NETWORK_MATCH)
        .verification(VerificationState.REMOTE_VERIFIED).since(T0)
        .fingerprint(new NetworkFingerprint("lldp=sw1/Gi1/0/24")).build();
  }

  static EmergencyRoute route() {
    return EmergencyRoute.Emergency.builder(Classification.EMERGENCY, "911", "maria").ruleId("911")
        .presentedNumber(E164Number.parse("+15035550117")).callbackNumber(agent().did().orElseThrow())
        .location(agentLocation()).pidfLo("<presence/>".getBytes(StandardCharsets.UTF_8))
        .geolocation("<cid:loc@e911.dev>").geolocationRouting("yes").notifyOnSite(true)
        .warn(RouteWarning.Code.LOCATION_FALLBACK, "used the site default").build();
  }

  /** A caller on a pool ELIN whose carrier binding update was requested. */
  static EmergencyRoute pooledRoute() {
    return EmergencyRoute.Emergency.builder(Classification.EMERGENCY, "911", "luis").ruleId("911")
        .callbackNumber(agent().did().orElseThrow()).elinBinding(dev.e911.api.routing.ElinBinding.UPDATE_REQUESTED)
        .warn(RouteWarning.Code.BINDING_NOT_PROVISIONED, "update requested").build();
  }

  private Samples() {}
}
