package dev.e911.genesys.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The one place that knows the <b>unverified</b> WebRTC phone-settings keys (genesys-cloud.md 4.4 and 4.5):
 * no public source names the property key of the "Force TURN" toggle or of an "ask for the emergency
 * location" setting, so they are discovered in the org's own WebRTC phone template
 * ({@code GET .../phonebasesettings/template?phoneMetabaseId=inin_webrtc_softphone.json}): the force-TURN
 * key is the one whose name contains {@code turn} (a name also containing {@code force} wins); the
 * location-prompt key is one whose name mentions a location together with prompt, emergency, e911 or
 * require. An administrator who knows the real key can configure it, which skips discovery. When neither
 * is found the adapter says the org does not expose the setting instead of guessing.
 */
public final class PhoneSettingKeys {

  private final String forceTurn;
  private final String locationPrompt;
  private final String why;

  private PhoneSettingKeys(String forceTurn, String locationPrompt, String why) {
    this.forceTurn = forceTurn;
    this.locationPrompt = locationPrompt;
    this.why = why;
  }

  /**
   * The keys found in {@code template}'s {@code properties}, unless configured ({@code configured*} non-empty).
   */
  public static PhoneSettingKeys discover(JsonNode template, String configuredForceTurn, String configuredPrompt) {
    List<String> keys = new ArrayList<>();
    JsonNode props = template == null ? null : template.get("properties");
    if (props != null && props.isObject()) {
      for (Iterator<String> it = props.fieldNames(); it.hasNext(); ) {
        keys.add(it.next());
      }
    }
    String turn = configuredForceTurn.isEmpty() ? forceTurnKey(keys) : configuredForceTurn;
    String prompt = configuredPrompt.isEmpty() ? locationPromptKey(keys) : configuredPrompt;
    return new PhoneSettingKeys(turn, prompt, "");
  }

  /** No template could be read: only configured keys are known. */
  public static PhoneSettingKeys unreadable(String reason, String configuredForceTurn, String configuredPrompt) {
    return new PhoneSettingKeys(configuredForceTurn, configuredPrompt, reason);
  }

  static String forceTurnKey(List<String> keys) {
    String best = "";
    for (String k : keys) {
      String l = k.toLowerCase(Locale.ROOT);
      if (l.contains("turn") && !l.contains("return")) {
        if (l.contains("force")) {
          return k;
        }
        if (best.isEmpty()) {
          best = k;
        }
      }
    }
    return best;
  }

  static String locationPromptKey(List<String> keys) {
    for (String k : keys) {
      String l = k.toLowerCase(Locale.ROOT);
      boolean location = l.contains("locat");
      if (location && (l.contains("prompt") || l.contains("emergency") || l.contains("e911") || l.contains("require"))) {
        return k;
      }
    }
    return "";
  }

  /** The force-TURN key, if known. */
  public Optional<String> forceTurn() {
    return forceTurn.isEmpty() ? Optional.empty() : Optional.of(forceTurn);
  }

  /** The location-prompt key, if known. */
  public Optional<String> locationPrompt() {
    return locationPrompt.isEmpty() ? Optional.empty() : Optional.of(locationPrompt);
  }

  /** Why a key is unknown, in words an administrator can act on. */
  public String whyUnknown(String setting) {
    String prefix = why.isEmpty() ? "the org's WebRTC phone template (" + Paths.WEBRTC_METABASE + ") has no "
        : "the WebRTC phone template could not be read (" + why + "), so there is no known ";
    return prefix + setting + " key; check it in Admin > Telephony > Phone Management > Base Settings > Media"
        + " and configure the key if the org has one";
  }

  /**
   * A boolean property of a phone or phone base: {@code properties[key].value.instance}, else its
   * {@code default}; booleans given as text are read too. Empty when the property is absent.
   */
  public static Optional<Boolean> value(JsonNode owner, String key) {
    JsonNode v = owner == null ? null : owner.path("properties").path(key).path("value");
    if (v == null || v.isMissingNode()) {
      return Optional.empty();
    }
    for (String f : new String[] {"instance", "default"}) {
      JsonNode x = v.get(f);
      if (x != null && x.isBoolean()) {
        return Optional.of(x.booleanValue());
      }
      if (x != null && x.isTextual() && (x.asText().equalsIgnoreCase("true") || x.asText().equalsIgnoreCase("false"))) {
        return Optional.of(Boolean.parseBoolean(x.asText().toLowerCase(Locale.ROOT)));
      }
    }
    return Optional.empty();
  }
}
