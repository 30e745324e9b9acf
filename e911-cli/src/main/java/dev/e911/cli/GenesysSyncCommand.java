package dev.e911.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.e911.api.location.Location;
import dev.e911.api.spi.PlatformInventory;
import dev.e911.api.spi.PlatformResult;
import dev.e911.core.config.ContactCenterConfig;
import dev.e911.genesys.GenesysPlatform;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code e911 genesys sync}: creates or updates a Genesys location (address and ELIN) for every location of the configuration. */
@Command(name = "sync", mixinStandardHelpOptions = true,
    description = "Create or update a Genesys Cloud location (address and emergency number) for every location of the configuration.",
    footer = {"", "Examples:",
        "  ./e911 genesys sync --region us_west_2 --dry-run \\",
        "      --config examples/contact-center.json",
        "  ./e911 genesys sync --region us_west_2 --format json \\",
        "      --config examples/contact-center.json", "",
        "The OAuth client comes from GENESYS_CLIENT_ID and GENESYS_CLIENT_SECRET.",
        "A Genesys location is found by its exact name (one whose notes hold",
        "e911:<id> wins); an equal one is not written, so a second run changes",
        "nothing. Users' locations and the org's settings are not touched.",
        "Exit codes: 0 done, 1 bad input or a Genesys failure (the other locations",
        "are still synced), 2 usage."})
final class GenesysSyncCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin GenesysOptions genesys;

  @Option(names = "--config", required = true, paramLabel = "FILE", description = "The contact-center configuration (JSON) whose locations are pushed.")
  Path config;

  @Option(names = "--dry-run", description = "Read the org and print what would change; write nothing.")
  boolean dryRun;

  /** What happened (or would happen) to one location. */
  record Result(Location location, String genesysId, String action, List<String> changes, String error) {}

  @Override
  public Integer call() {
    ContactCenterConfig c = ConfigFiles.load(config);
    List<Result> results = new ArrayList<>();
    try (GenesysPlatform g = genesys.connect(null)) {
      PlatformInventory before = GenesysOptions.readInventory(g, "before the sync");
      if (dryRun) {
        for (Location l : c.locations()) {
          List<PlatformInventory.Location> named = before.locations().stream().filter(x -> x.name().equals(l.name())).toList();
          PlatformInventory.Location match = named.isEmpty() ? null : named.get(0);
          List<String> changes = GenesysLocations.diff(match, GenesysLocations.wanted(match == null ? "" : match.id(), l));
          if (named.size() > 1) {
            changes = new ArrayList<>(changes);
            changes.add(0, "note: " + named.size() + " Genesys locations are named '" + l.name() + "'; the one whose notes hold e911:"
                + l.id() + " is the one updated (compared here with " + match.id() + ")");
          }
          results.add(new Result(l, match == null ? "" : match.id(), action(match, changes), changes, ""));
        }
      } else {
        List<Result> written = new ArrayList<>();
        Progress progress = Progress.start(spec.commandLine().getErr(), "sync", c.locations().size(), genesys.format);
        for (Location l : c.locations()) {
          progress.step(l.id());
          PlatformResult<String> r = g.upsertLocation(l);
          if (r instanceof PlatformResult.Ok<String> ok) {
            written.add(new Result(l, ok.value(), "", List.of(), ""));
          } else if (r instanceof PlatformResult.Failed<String> f) {
            written.add(new Result(l, "", "FAILED", List.of(), GenesysOptions.describe("writing location " + l.id(), f.failure())));
          } else {
            written.add(new Result(l, "", "FAILED", List.of(), "not supported: " + ((PlatformResult.Unsupported<?>) r).reason()));
          }
        }
        progress.finish();
        // what changed is what the org shows now against what it showed before, not what was meant to change
        Map<String, PlatformInventory.Location> was = byId(before);
        Map<String, PlatformInventory.Location> now = written.stream().anyMatch(r -> r.error().isEmpty())
            ? byId(GenesysOptions.readInventory(g, "after the sync")) : Map.of();
        for (Result r : written) {
          if (!r.error().isEmpty()) {
            results.add(r);
            continue;
          }
          PlatformInventory.Location b = was.get(r.genesysId());
          PlatformInventory.Location a = now.get(r.genesysId());
          List<String> changes = a == null
              ? List.of("note: location " + r.genesysId() + " was written but is not listed by GET /api/v2/locations yet")
              : GenesysLocations.diff(b, a);
          results.add(new Result(r.location(), r.genesysId(), action(b, a == null ? List.of("?") : changes), changes, ""));
        }
      }
    }
    print(spec.commandLine().getOut(), c, results);
    if (results.stream().anyMatch(r -> !r.error().isEmpty())) {
      spec.commandLine().getErr().println("e911: " + results.stream().filter(r -> !r.error().isEmpty()).count()
          + " location(s) could not be synced:");
      results.stream().filter(r -> !r.error().isEmpty()).forEach(r -> spec.commandLine().getErr().println("  " + r.error()));
      return ExitCode.BAD_INPUT;
    }
    return ExitCode.OK;
  }

  private static String action(PlatformInventory.Location before, List<String> changes) {
    if (before == null) {
      return "CREATE";
    }
    return changes.stream().anyMatch(x -> !x.startsWith("note:")) ? "UPDATE" : "UNCHANGED";
  }

  private static Map<String, PlatformInventory.Location> byId(PlatformInventory inventory) {
    return inventory.locations().stream().collect(Collectors.toMap(PlatformInventory.Location::id, Function.identity(), (a, b) -> a));
  }

  private void print(PrintWriter out, ContactCenterConfig c, List<Result> results) {
    long changed = results.stream().filter(r -> r.action().equals("CREATE") || r.action().equals("UPDATE")).count();
    long failed = results.stream().filter(r -> r.action().equals("FAILED")).count();
    if (genesys.format == Format.json) {
      ObjectNode doc = Output.F.objectNode();
      doc.put("dryRun", dryRun);
      doc.put("locations", results.size());
      doc.put("changed", changed);
      doc.put("failed", failed);
      ArrayNode arr = doc.putArray("results");
      for (Result r : results) {
        ObjectNode n = arr.addObject().put("locationId", r.location().id()).put("name", r.location().name())
            .put("genesysId", r.genesysId()).put("action", r.action());
        ArrayNode ch = n.putArray("changes");
        r.changes().forEach(ch::add);
        if (!r.error().isEmpty()) {
          n.put("error", r.error());
        }
      }
      out.println(Output.json(doc));
    } else {
      out.println("Genesys sync of " + results.size() + " location(s) from '" + c.name() + "'"
          + (dryRun ? " (dry run: nothing was written): " + changed + " would change" : ": " + changed + " changed")
          + (failed > 0 ? ", " + failed + " failed" : ""));
      for (Result r : results) {
        String verb = switch (r.action()) {
          case "CREATE" -> dryRun ? "would create" : "created";
          case "UPDATE" -> dryRun ? "would update" : "updated";
          case "UNCHANGED" -> "unchanged";
          default -> "FAILED";
        };
        out.println(String.format(Locale.ROOT, "%-12s %-16s %s%s", verb, r.location().id(), r.location().name(),
            r.genesysId().isEmpty() ? "" : " [" + r.genesysId() + "]"));
        r.changes().forEach(x -> out.println("             " + x));
        if (!r.error().isEmpty()) {
          out.println("             " + r.error());
        }
      }
    }
    out.flush();
  }
}
