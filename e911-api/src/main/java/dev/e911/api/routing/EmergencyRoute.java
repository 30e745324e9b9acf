package dev.e911.api.routing;

import dev.e911.api.location.AgentLocation;
import dev.e911.api.phone.E164Number;
import dev.e911.api.phone.Elin;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The hot-path answer for one dialled number. A {@link NotEmergency} carries nothing else; an
 * {@link Emergency} says how to place the call: the number to present and the callback number
 * (never a masked queue number), the location sent and how sure we are, the PIDF-LO document and
 * the SIP {@code Geolocation} headers, whether to notify on site, and every warning. An emergency is
 * always routed, whatever is missing; what is missing shows up as warnings.
 */
public sealed interface EmergencyRoute permits EmergencyRoute.NotEmergency, EmergencyRoute.Emergency {

  /** The classification of the dialled number. */
  Classification classification();

  /** A dialled number that is not an emergency number. */
  record NotEmergency(String dialled) implements EmergencyRoute {
    public NotEmergency {
      Objects.requireNonNull(dialled, "dialled");
    }

    @Override
    public Classification classification() {
      return Classification.NOT_EMERGENCY;
    }
  }

  /** An emergency (or 933 test) call and everything needed to place it. */
  final class Emergency implements EmergencyRoute {
    private final Classification classification;
    private final String dialled;
    private final String agentId;
    private final String ruleId;
    private final E164Number presentedNumber;
    private final Elin callbackNumber;
    private final AgentLocation location;
    private final byte[] pidfLo;
    private final String geolocation;
    private final String geolocationRouting;
    private final boolean notifyOnSite;
    private final ElinBinding elinBinding;
    private final List<RouteWarning> warnings;

    private Emergency(Builder b) {
      this.classification = b.classification;
      this.dialled = b.dialled;
      this.agentId = b.agentId;
      this.ruleId = b.ruleId;
      this.presentedNumber = b.presentedNumber;
      this.callbackNumber = b.callbackNumber;
      this.location = b.location;
      this.pidfLo = b.pidfLo;
      this.geolocation = b.geolocation;
      this.geolocationRouting = b.geolocationRouting;
      this.notifyOnSite = b.notifyOnSite;
      this.elinBinding = b.elinBinding;
      this.warnings = b.warnings == null ? List.of() : List.copyOf(b.warnings); // an adopted immutable list is not copied again
    }

    /** Starts an emergency route for {@code dialled} classified as {@code classification}. */
    public static Builder builder(Classification classification, String dialled, String agentId) {
      return new Builder(classification, dialled, agentId);
    }

    @Override
    public Classification classification() { return classification; }
    /** The normalised digits dialled. */
    public String dialled() { return dialled; }
    /** The agent the call came from (possibly unknown to e911; then a warning says so). */
    public String agentId() { return agentId; }
    /** The rule that matched. */
    public String ruleId() { return ruleId; }
    /** The calling number to present on the trunk, when one could be found. */
    public Optional<E164Number> presentedNumber() { return Optional.ofNullable(presentedNumber); }
    /** The callback number the PSAP will dial, when one could be found. */
    public Optional<Elin> callbackNumber() { return Optional.ofNullable(callbackNumber); }
    /** The location sent, with its source and verification; empty only when nothing at all was known. */
    public Optional<AgentLocation> location() { return Optional.ofNullable(location); }
    /** Length of the PIDF-LO document in bytes (0 when none could be produced). */
    public int pidfLoLength() { return pidfLo.length; }
    /** A copy of the PIDF-LO document (UTF-8). */
    public byte[] pidfLo() { return pidfLo.clone(); }
    /** Copies the PIDF-LO document into {@code dst} at {@code offset}; returns the bytes written. */
    public int writePidfLo(byte[] dst, int offset) {
      System.arraycopy(pidfLo, 0, dst, offset, pidfLo.length);
      return pidfLo.length;
    }
    /** The SIP {@code Geolocation} header value, e.g. {@code <cid:...>}. */
    public String geolocation() { return geolocation; }
    /** The SIP {@code Geolocation-Routing} header value ({@code yes}). */
    public String geolocationRouting() { return geolocationRouting; }
    /** Whether the Kari's Law on-site notification is to be sent. */
    public boolean notifyOnSite() { return notifyOnSite; }
    /** For a pool ELIN callback number, whether the carrier already held it at the address sent; else {@code NOT_POOLED}. */
    public ElinBinding elinBinding() { return elinBinding; }
    /** Everything the route had to settle for. */
    public List<RouteWarning> warnings() { return warnings; }

    @Override
    public String toString() {
      return "Emergency[" + classification + " " + dialled + " from " + agentId + ", present " + presentedNumber
          + ", callback " + callbackNumber + (elinBinding == ElinBinding.NOT_POOLED ? "" : " (" + elinBinding + ")") + ", "
          + location + ", warnings " + warnings + "]";
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Emergency e && classification == e.classification && dialled.equals(e.dialled)
          && agentId.equals(e.agentId) && ruleId.equals(e.ruleId) && Objects.equals(presentedNumber, e.presentedNumber)
          && Objects.equals(callbackNumber, e.callbackNumber) && Objects.equals(location, e.location)
          && Arrays.equals(pidfLo, e.pidfLo) && geolocation.equals(e.geolocation)
          && geolocationRouting.equals(e.geolocationRouting) && notifyOnSite == e.notifyOnSite
          && elinBinding == e.elinBinding && warnings.equals(e.warnings);
    }

    @Override
    public int hashCode() {
      return Objects.hash(classification, dialled, agentId, ruleId, callbackNumber, location, Arrays.hashCode(pidfLo));
    }

    /** Collects an emergency route. Fields left unset stay empty; nothing here can make a route fail. */
    public static final class Builder {
      private final Classification classification;
      private final String dialled;
      private final String agentId;
      private String ruleId = "";
      private E164Number presentedNumber;
      private Elin callbackNumber;
      private AgentLocation location;
      private byte[] pidfLo = new byte[0];
      private String geolocation = "";
      private String geolocationRouting = "";
      private boolean notifyOnSite;
      private ElinBinding elinBinding = ElinBinding.NOT_POOLED;
      /** Null until the first warning; an immutable list handed to {@link #warnAll} is adopted as is until another is added. */
      private List<RouteWarning> warnings;
      private boolean adopted;

      private Builder(Classification classification, String dialled, String agentId) {
        if (classification == null || !classification.isEmergency()) {
          throw new IllegalArgumentException("an Emergency route needs an emergency classification");
        }
        this.classification = classification;
        this.dialled = Objects.requireNonNull(dialled, "dialled");
        this.agentId = Objects.requireNonNull(agentId, "agentId");
      }

      public Builder ruleId(String ruleId) { this.ruleId = Objects.requireNonNull(ruleId); return this; }
      public Builder presentedNumber(E164Number n) { this.presentedNumber = n; return this; }
      public Builder callbackNumber(Elin n) { this.callbackNumber = n; return this; }
      public Builder location(AgentLocation l) { this.location = l; return this; }
      /** Sets the PIDF-LO bytes; the array is taken over, not copied (hot path). */
      public Builder pidfLo(byte[] document) { this.pidfLo = Objects.requireNonNull(document); return this; }
      public Builder geolocation(String header) { this.geolocation = Objects.requireNonNull(header); return this; }
      public Builder geolocationRouting(String header) { this.geolocationRouting = Objects.requireNonNull(header); return this; }
      public Builder notifyOnSite(boolean notify) { this.notifyOnSite = notify; return this; }
      /** Whether the pool ELIN's carrier binding was in place (default {@code NOT_POOLED}). */
      public Builder elinBinding(ElinBinding state) { this.elinBinding = Objects.requireNonNull(state, "elinBinding"); return this; }
      public Builder warn(RouteWarning.Code code, String message) {
        RouteWarning w = new RouteWarning(code, message);
        mutableWarnings().add(w);
        return this;
      }

      /** Adds every warning of {@code list} (in order); an immutable list is kept without copying (hot path). */
      public Builder warnAll(List<RouteWarning> list) {
        if (list.isEmpty()) {
          return this;
        }
        if (warnings == null) {
          warnings = List.copyOf(list); // the same instance when it is already immutable
          adopted = true;
        } else {
          mutableWarnings().addAll(list);
        }
        return this;
      }

      private List<RouteWarning> mutableWarnings() {
        if (warnings == null || adopted) {
          List<RouteWarning> m = new java.util.ArrayList<>(4);
          if (warnings != null) {
            m.addAll(warnings);
          }
          warnings = m;
          adopted = false;
        }
        return warnings;
      }

      public Emergency build() {
        return new Emergency(this);
      }
    }
  }
}
