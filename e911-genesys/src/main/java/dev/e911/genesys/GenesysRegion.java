package dev.e911.genesys;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/**
 * A Genesys Cloud region and its domain, from the SDKs' region tables: the login host is
 * {@code login.<domain>} (tokens) and the API host {@code api.<domain>} (REST). Find one by its SDK id
 * ({@code us_east_1}, {@code us-east-1} and {@code US_EAST_1} all work) or by its domain
 * ({@code usw2.pure.cloud}) with {@link #find(String)}.
 */
public enum GenesysRegion {
  US_EAST_1("mypurecloud.com"),
  US_EAST_2("use2.us-gov-pure.cloud"),
  US_WEST_2("usw2.pure.cloud"),
  CA_CENTRAL_1("cac1.pure.cloud"),
  SA_EAST_1("sae1.pure.cloud"),
  MX_CENTRAL_1("mxc1.pure.cloud"),
  EU_WEST_1("mypurecloud.ie"),
  EU_WEST_2("euw2.pure.cloud"),
  EU_CENTRAL_1("mypurecloud.de"),
  EU_CENTRAL_2("euc2.pure.cloud"),
  EUSC_DE_EAST_1("edee1.eusc-pure.cloud"),
  ME_CENTRAL_1("mec1.pure.cloud"),
  AP_SOUTH_1("aps1.pure.cloud"),
  AP_SOUTHEAST_1("apse1.pure.cloud"),
  AP_SOUTHEAST_2("mypurecloud.com.au"),
  AP_NORTHEAST_1("mypurecloud.jp"),
  AP_NORTHEAST_2("apne2.pure.cloud"),
  AP_NORTHEAST_3("apne3.pure.cloud");

  private final String domain;

  GenesysRegion(String domain) {
    this.domain = domain;
  }

  /** The region's domain, e.g. {@code usw2.pure.cloud}. */
  public String domain() {
    return domain;
  }

  /** {@code https://api.<domain>}. */
  public URI apiBase() {
    return URI.create("https://api." + domain);
  }

  /** {@code https://login.<domain>}. */
  public URI loginBase() {
    return URI.create("https://login." + domain);
  }

  /** The region with this SDK id (any case, {@code -} or {@code _}) or this domain, if there is one. */
  public static Optional<GenesysRegion> find(String idOrDomain) {
    if (idOrDomain == null) {
      return Optional.empty();
    }
    String t = idOrDomain.strip().toLowerCase(Locale.ROOT);
    for (GenesysRegion r : values()) {
      if (r.name().toLowerCase(Locale.ROOT).equals(t.replace('-', '_')) || r.domain.equals(t)) {
        return Optional.of(r);
      }
    }
    return Optional.empty();
  }
}
