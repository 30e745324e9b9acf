package dev.e911.genesys.internal;

/** The REST paths the adapter calls (genesys-cloud.md sections 2 to 5). */
public final class Paths {
  private Paths() {}

  public static final String EDGES = "/api/v2/telephony/providers/edges";
  public static final String SITES = EDGES + "/sites";
  public static final String PHONES = EDGES + "/phones";
  /**
   * The opt-in {@code fields} of {@code GET .../phones} (the SDK's values for the endpoint) that the
   * adapter needs: the WebRTC user and the users of each line. Genesys's samples and the Terraform
   * provider ask for {@code webRtcUser} this way to see it in a listing (docs/genesys.md, Wire fidelity).
   */
  public static final String PHONE_USER_FIELDS = "fields=webRtcUser&fields=lines.loggedInUser&fields=lines.defaultForUser";
  public static final String PHONE_BASES = EDGES + "/phonebasesettings";
  public static final String TRUNK_BASES = EDGES + "/trunkbasesettings";
  public static final String ALL_OUTBOUND_ROUTES = EDGES + "/outboundroutes";
  public static final String LOCATIONS = "/api/v2/locations";
  public static final String USERS = "/api/v2/users";
  public static final String STATIONS = "/api/v2/stations";
  public static final String PRESENCE_DEFINITIONS = "/api/v2/presence/definitions";
  /** The WebRTC phone metabase whose template lists the phone settings keys. */
  public static final String WEBRTC_METABASE = "inin_webrtc_softphone.json";
  public static final String WEBRTC_TEMPLATE = PHONE_BASES + "/template?phoneMetabaseId=" + WEBRTC_METABASE;
}
