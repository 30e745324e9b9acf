package dev.e911.genesys.internal;

import dev.e911.api.location.Location;
import dev.e911.api.spi.ConfigurationFix;
import dev.e911.api.spi.PlatformResult;
import dev.e911.core.dialplan.DialPlan;
import java.time.Clock;

/** The adapter's writes: location sync, user assignment, the presence hard stop and configuration fixes. */
public final class GenesysOperations {

  private final GenesysClient client;
  private final InventoryReader reader;
  private final Clock clock;
  private final DialPlan dialPlan;
  private final String notReadyPresence;

  public GenesysOperations(GenesysClient client, InventoryReader reader, Clock clock, DialPlan dialPlan,
      String notReadyPresence) {
    this.client = client;
    this.reader = reader;
    this.clock = clock;
    this.dialPlan = dialPlan;
    this.notReadyPresence = notReadyPresence;
  }

  public PlatformResult<String> upsertLocation(Location location) {
    return new PlatformResult.Unsupported<>("not implemented yet");
  }

  public PlatformResult<String> assignLocation(String userId, Location location) {
    return new PlatformResult.Unsupported<>("not implemented yet");
  }

  public PlatformResult<String> forceNotReady(String userId, String reason) {
    return new PlatformResult.Unsupported<>("not implemented yet");
  }

  public PlatformResult<ConfigurationFix.Outcome> applyFix(ConfigurationFix fix, boolean dryRun) {
    return new PlatformResult.Unsupported<>("not implemented yet");
  }
}
