package dev.e911.api.spi;

import dev.e911.api.location.Location;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The contact-center platform (Genesys Cloud first): read what it holds, keep its locations and
 * user assignments in step with e911, push a blocked agent out of Available, apply configuration
 * fixes, and stream presence events. Implementations are thread-safe; no method throws for a remote
 * problem (see {@link PlatformResult}); writes are idempotent (running the same sync twice changes
 * nothing the second time); nothing returned or thrown contains a credential.
 */
public interface PlatformAdapter extends AutoCloseable {

  /** The platform's id, e.g. {@code genesys}. */
  String id();

  /** Reads sites, locations and users. May page through many requests. */
  PlatformResult<PlatformInventory> readInventory();

  /** Creates or updates the platform location matching {@code location.id()}; returns the platform's id for it. */
  PlatformResult<String> upsertLocation(Location location);

  /** Makes {@code location} the user's location on the platform (after e911 verified it). */
  PlatformResult<String> assignLocation(String userId, Location location);

  /**
   * Sets a user to a not-ready presence with a reason the user sees (the hard stop). Idempotent.
   *
   * @return the presence now set
   */
  PlatformResult<String> forceNotReady(String userId, String reason);

  /** Applies a configuration fix, or in a dry run only describes it. */
  PlatformResult<ConfigurationFix.Outcome> applyFix(ConfigurationFix fix, boolean dryRun);

  /**
   * Streams presence and station events of the given users to {@code listener} until the returned
   * subscription is closed; reconnects on its own. The listener must not block.
   */
  default PlatformResult<Subscription> subscribe(Set<String> userIds, Consumer<PlatformEvent> listener) {
    return new PlatformResult.Unsupported<>("this platform adapter does not stream events");
  }

  /** An open event stream. */
  interface Subscription extends AutoCloseable {
    /** Stops the stream; never throws. */
    @Override
    void close();
  }

  /** Releases clients and threads. */
  @Override
  default void close() {}
}
