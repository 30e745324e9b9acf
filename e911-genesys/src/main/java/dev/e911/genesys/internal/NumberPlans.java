package dev.e911.genesys.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.e911.api.spi.PlatformInventory;
import dev.e911.core.dialplan.GenesysNumberPlanEntry;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Genesys number plans (genesys-cloud.md 3.3) in and out: maps a plan to the platform-neutral
 * {@link PlatformInventory.NumberPlanEntry} (its pattern always a Java regex over the dialled digits), and
 * merges e911's emergency entries into a site's whole plan list the way Terraform does (replace by name,
 * keep everything else, ours first because the array order is the priority), describing the diff.
 */
public final class NumberPlans {

  /** A regex that matches nothing: for plan types that cannot match a short code (national, E.164 lists). */
  static final String NEVER = "(?!)";
  private static final int MAX_LISTED = 200;

  private NumberPlans() {}

  /** The neutral entry of the plan at {@code index} of the site's array (the index is its priority). */
  public static PlatformInventory.NumberPlanEntry toEntry(JsonNode plan, int index) {
    String type = Json.text(plan, "matchType");
    String pattern;
    switch (type) {
      case "regex" -> pattern = Json.text(plan, "match");
      case "numberList" -> pattern = numberList(plan);
      case "digitLength" -> {
        JsonNode dl = plan.path("digitLength");
        String s = Json.text(dl, "start");
        String e = Json.text(dl, "end");
        pattern = s.matches("\\d{1,2}") && e.matches("\\d{1,2}") ? "^[0-9]{" + s + "," + e + "}$" : NEVER;
      }
      default -> pattern = NEVER;
    }
    if (pattern.isEmpty()) {
      pattern = NEVER;
    }
    return new PlatformInventory.NumberPlanEntry(Json.text(plan, "name"), pattern, Json.text(plan, "classification"), index);
  }

  private static String numberList(JsonNode plan) {
    Set<String> numbers = new LinkedHashSet<>();
    for (JsonNode n : Json.elements(plan, "numbers")) {
      String start = Json.text(n, "start");
      String end = Json.text(n, "end");
      if (!start.matches("\\d{1,9}")) {
        continue;
      }
      if (end.isEmpty() || end.equals(start)) {
        numbers.add(start);
      } else if (end.matches("\\d{1,9}") && end.length() == start.length()) {
        long from = Long.parseLong(start);
        long to = Long.parseLong(end);
        for (long x = from; x <= to && numbers.size() < MAX_LISTED; x++) {
          numbers.add(String.format(java.util.Locale.ROOT, "%0" + start.length() + "d", x));
        }
      }
    }
    if (numbers.isEmpty()) {
      return NEVER;
    }
    return "^(?:" + String.join("|", numbers.stream().map(Pattern::quote).toList()) + ")$";
  }

  /** The merged array, and the lines of the diff (empty when nothing would change). */
  public record Merge(ArrayNode plans, List<String> diff) {
    public boolean changed() {
      return !diff.isEmpty();
    }
  }

  /**
   * Puts {@code ours} at the head of {@code current} in order: an existing plan with the same name is
   * replaced (its id and version kept, so Genesys updates it), every other plan is kept after ours in its
   * order, and {@code priority} is renumbered to the array position.
   */
  public static Merge merge(JsonNode current, List<GenesysNumberPlanEntry> ours) {
    List<JsonNode> existing = Json.elements(current, null);
    List<String> diff = new ArrayList<>();
    ArrayNode out = Json.array();
    Set<String> ourNames = new LinkedHashSet<>();
    for (GenesysNumberPlanEntry e : ours) {
      ourNames.add(e.name());
    }
    for (int i = 0; i < ours.size(); i++) {
      GenesysNumberPlanEntry e = ours.get(i);
      Optional<JsonNode> same = existing.stream().filter(p -> Json.text(p, "name").equals(e.name())).findFirst();
      ObjectNode plan = same.map(p -> ((ObjectNode) p.deepCopy())).orElseGet(Json::object);
      plan.put("name", e.name());
      plan.put("state", e.state());
      plan.put("classification", e.classification());
      plan.put("matchType", e.matchType());
      plan.put("match", e.match());
      plan.put("normalizedFormat", e.normalizedFormat());
      if (same.isEmpty()) {
        diff.add("+ " + describe(e) + " at position " + (i + 1));
      } else {
        JsonNode old = same.get();
        List<String> changes = new ArrayList<>();
        for (String f : List.of("state", "classification", "matchType", "match", "normalizedFormat")) {
          if (!Json.text(old, f).equals(Json.text(plan, f))) {
            changes.add(f + " '" + Json.text(old, f) + "' -> '" + Json.text(plan, f) + "'");
          }
        }
        int oldIndex = existing.indexOf(old);
        if (oldIndex != i) {
          changes.add("position " + (oldIndex + 1) + " -> " + (i + 1));
        }
        if (!changes.isEmpty()) {
          diff.add("~ " + e.name() + ": " + String.join(", ", changes));
        }
      }
      out.add(plan);
    }
    for (JsonNode p : existing) {
      if (!ourNames.contains(Json.text(p, "name"))) {
        out.add(p.deepCopy());
      }
    }
    for (int i = 0; i < out.size(); i++) {
      ((ObjectNode) out.get(i)).put("priority", i);
    }
    return new Merge(out, List.copyOf(diff));
  }

  private static String describe(GenesysNumberPlanEntry e) {
    return e.name() + " (" + e.matchType() + " " + e.match() + " -> " + e.normalizedFormat() + ", " + e.classification() + ")";
  }
}
