package dev.e911.genesys.internal;

import dev.e911.api.spi.Secret;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * What {@link GenesysClient} needs, already checked by the public builder: the two hosts, the OAuth
 * client, the retry and paging bounds.
 */
public record ClientSettings(URI apiBase, URI loginBase, String clientId, Secret clientSecret, Duration requestTimeout,
    int maxAttempts, Duration initialBackoff, Duration maxBackoff, Duration maxRetryAfter, Duration retryBudget,
    int pageSize, int maxPages, int maxResponseBytes, int maxConflictRetries) {

  public ClientSettings {
    Objects.requireNonNull(apiBase, "apiBase");
    Objects.requireNonNull(loginBase, "loginBase");
    Objects.requireNonNull(clientId, "clientId");
    Objects.requireNonNull(clientSecret, "clientSecret");
  }

  @Override
  public String toString() {
    return "ClientSettings[apiBase=" + apiBase + ", loginBase=" + loginBase + ", clientId=" + clientId
        + ", clientSecret=***, requestTimeout=" + requestTimeout + ", maxAttempts=" + maxAttempts + "]";
  }
}
