package dev.e911.core.network;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * What a {@link NetworkLocator} found for one observation: every piece of evidence that matched,
 * strongest first. The best location is the one the strongest evidence points at; evidence that
 * points elsewhere is kept and flagged as a conflict, never hidden.
 */
public record NetworkMatch(List<Evidence> evidence) {

  private static final NetworkMatch NONE = new NetworkMatch(List.of());

  public NetworkMatch {
    // the locator adds evidence strongest first: only sort what is not (the sort is stable either way)
    boolean sorted = true;
    for (int i = 1; i < evidence.size() && sorted; i++) {
      sorted = evidence.get(i - 1).kind().strength() >= evidence.get(i).kind().strength();
    }
    evidence = sorted ? List.copyOf(evidence)
        : evidence.stream().sorted(Comparator.comparingInt((Evidence e) -> -e.kind().strength())).toList();
  }

  /** A match with no evidence. */
  public static NetworkMatch none() {
    return NONE;
  }

  /** The strongest evidence, if any matched. */
  public Optional<Evidence> best() {
    return evidence.isEmpty() ? Optional.empty() : Optional.of(evidence.get(0));
  }

  /** The location the strongest evidence points at. */
  public Optional<String> bestLocationId() {
    return best().map(Evidence::locationId);
  }

  /** Whether the best evidence is strong enough to verify a location (not only a public range). */
  public boolean verifies() {
    return best().map(e -> e.kind().verifies()).orElse(false);
  }

  /** Evidence that points at another location than the best one. */
  public List<Evidence> conflicts() {
    String best = bestLocationId().orElse("");
    return evidence.stream().filter(e -> !e.locationId().equals(best)).toList();
  }

  /** Whether any evidence points elsewhere than the best. */
  public boolean conflicting() {
    return !conflicts().isEmpty();
  }
}
