package dev.e911.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.e911.api.agent.Agent;
import dev.e911.api.spi.PlatformResult;
import dev.e911.core.config.ContactCenterConfig;
import dev.e911.core.gate.AvailabilityGate;
import dev.e911.core.gate.LiveHardStop;
import dev.e911.core.location.LocationService;
import dev.e911.genesys.GenesysPlatform;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code e911 genesys watch}: the live hard stop over the org's presence notifications, for a bounded time. */
@Command(name = "watch", mixinStandardHelpOptions = true,
    description = "The live hard stop: watch the agents' presence and routing status on Genesys Cloud and set every agent "
        + "the gate blocks back to a not-ready presence (with the reason) when they go Available or On Queue.",
    footer = {"", "Examples:",
        "  ./e911 genesys watch --region us_west_2 --config examples/contact-center.json \\",
        "      --user maria=5d1f0a7e-0000-4000-8000-000000000001 --duration 8h",
        "  ./e911 genesys watch --region us_west_2 --config examples/contact-center.json \\",
        "      --agent maria --duration 10m --format json", "",
        "The OAuth client comes from GENESYS_CLIENT_ID and GENESYS_CLIENT_SECRET.",
        "The gate decides from the configuration's agents and agentLocations (as",
        "'./e911 gate' does). Agents are watched under their e911 id unless --user",
        "maps it to a Genesys user id. Each enforcement is printed as it happens",
        "(one JSON object per line with --format json), then a summary.",
        "Exit codes: 0 ran for the duration, 1 bad input or Genesys refused the",
        "subscription (credentials, permission, topic), 2 usage."})
final class GenesysWatchCommand implements Callable<Integer> {

  private static final Pattern SHORT = Pattern.compile("([0-9]{1,9})(ms|s|m|h)");

  @Spec CommandSpec spec;

  @Mixin GenesysOptions genesys;

  @Option(names = "--config", required = true, paramLabel = "FILE", description = "The contact-center configuration (JSON): agents and their location state.")
  Path config;

  @Option(names = "--duration", defaultValue = "1h", paramLabel = "TIME",
      description = "How long to watch, 1s to 24h: 90s, 10m, 8h or ISO-8601 (default: ${DEFAULT-VALUE}).")
  String duration;

  @Option(names = "--agent", paramLabel = "ID", description = "Watch only this agent (repeatable); default every agent of the configuration.")
  List<String> agents = new ArrayList<>();

  @Option(names = "--user", paramLabel = "AGENT=USERID", description = "The agent's Genesys Cloud user id (repeatable); default the agent's e911 id.")
  Map<String, String> users = new LinkedHashMap<>();

  @Option(names = "--presence", defaultValue = "Busy", paramLabel = "NAME",
      description = "The not-ready system presence to set: Busy or Away (default: ${DEFAULT-VALUE}).")
  String presence;

  @Option(names = "--poll-interval", defaultValue = "15s", paramLabel = "TIME",
      description = "How often presence is read over REST while no notification socket can be held (default: ${DEFAULT-VALUE}).")
  String pollInterval;

  @Option(names = "--heartbeat-timeout", defaultValue = "45s", paramLabel = "TIME",
      description = "Silence after which the notification socket counts as dead (default: ${DEFAULT-VALUE}).")
  String heartbeatTimeout;

  @Override
  public Integer call() {
    Duration watchFor = parse("--duration", duration, Duration.ofSeconds(1), Duration.ofHours(24));
    Duration poll = parse("--poll-interval", pollInterval, Duration.ofMillis(100), Duration.ofMinutes(10));
    Duration heartbeat = parse("--heartbeat-timeout", heartbeatTimeout, Duration.ofMillis(100), Duration.ofMinutes(10));
    ContactCenterConfig c = ConfigFiles.load(config);
    List<String> ids = agents.isEmpty() ? c.agents().stream().map(Agent::id).toList() : agents;
    for (String a : ids) {
      if (c.agent(a).isEmpty()) {
        throw new Output.BadInput("--agent " + a + ": no such agent in " + config);
      }
    }
    for (String a : users.keySet()) {
      if (!ids.contains(a)) {
        throw new Output.BadInput("--user " + a + "=...: " + a + " is not an agent being watched");
      }
    }
    Map<String, String> agentByUser = new LinkedHashMap<>();
    for (String a : ids) {
      String user = users.getOrDefault(a, a);
      if (agentByUser.put(user, a) != null) {
        throw new Output.BadInput("--user: the Genesys user " + user + " is given to more than one agent");
      }
    }
    LocationService service = LocationService.builder(c).build();
    AvailabilityGate gate = new AvailabilityGate(service);
    PrintWriter out = spec.commandLine().getOut();
    BlockingQueue<LiveHardStop.Enforcement> seen = new LinkedBlockingQueue<>();
    try (GenesysPlatform g = genesys.connect(null, b -> b.notReadyPresence(presence).pollInterval(poll).heartbeatTimeout(heartbeat));
         LiveHardStop stop = LiveHardStop.builder(g, gate).onEnforcement(seen::add).build()) {
      PlatformResult<LiveHardStop> started = stop.start(agentByUser);
      if (started instanceof PlatformResult.Failed<LiveHardStop> f) {
        throw new Output.BadInput(GenesysOptions.describe("subscribing to the agents' presence", f.failure()));
      }
      if (started instanceof PlatformResult.Unsupported<LiveHardStop> u) {
        throw new Output.BadInput("subscribing is not supported: " + u.reason());
      }
      if (genesys.format == Format.text) {
        out.println("Watching " + agentByUser.size() + " agent(s) on Genesys Cloud for " + watchFor.toString().substring(2).toLowerCase(Locale.ROOT)
            + " (" + stop.status().connection() + "); blocked agents who go Available or On Queue are set to " + presence + ".");
        out.flush();
      }
      long deadline = System.nanoTime() + watchFor.toNanos();
      String lastConnection = stop.status().connection();
      while (true) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          break;
        }
        LiveHardStop.Enforcement e;
        try {
          e = seen.poll(Math.min(left, TimeUnit.MILLISECONDS.toNanos(250)), TimeUnit.NANOSECONDS);
        } catch (InterruptedException x) {
          Thread.currentThread().interrupt();
          break;
        }
        if (e != null) {
          print(out, stop, e);
        }
        String now = stop.status().connection();
        if (!now.equals(lastConnection)) {
          lastConnection = now;
          printConnection(out, stop.status());
        }
      }
      List<LiveHardStop.Enforcement> rest = new ArrayList<>();
      seen.drainTo(rest);
      rest.forEach(e -> print(out, stop, e));
      summary(out, stop.status());
    }
    return ExitCode.OK;
  }

  private void print(PrintWriter out, LiveHardStop stop, LiveHardStop.Enforcement e) {
    String state = e.presence() + (e.routingStatus().isEmpty() ? "" : (e.presence().isEmpty() ? "" : "/") + e.routingStatus());
    if (genesys.format == Format.json) {
      ObjectNode n = Output.F.objectNode().put("type", "enforcement").put("at", e.at().toString()).put("agentId", e.agentId())
          .put("userId", e.userId()).put("was", state).put("reason", e.reason().name()).put("message", e.message());
      if (e.outcome() instanceof LiveHardStop.Outcome.Applied a) {
        n.put("outcome", "APPLIED").put("presence", a.presence());
      } else if (e.outcome() instanceof LiveHardStop.Outcome.Failed f) {
        n.put("outcome", "FAILED").put("kind", f.failure().kind().name()).put("error", f.failure().message());
      } else if (e.outcome() instanceof LiveHardStop.Outcome.Unsupported u) {
        n.put("outcome", "UNSUPPORTED").put("error", u.reason());
      }
      out.println(n.toString());
    } else {
      String who = e.agentId().equals(e.userId()) ? e.agentId() : e.agentId() + " (" + e.userId() + ")";
      String result = e.outcome() instanceof LiveHardStop.Outcome.Applied a ? "set to " + a.presence()
          : e.outcome() instanceof LiveHardStop.Outcome.Failed f ? "FAILED: " + GenesysOptions.describe("setting " + e.userId() + " not ready", f.failure())
          : "UNSUPPORTED: " + ((LiveHardStop.Outcome.Unsupported) e.outcome()).reason();
      out.println(String.format(Locale.ROOT, "%s  %-9s %s was %s [%s]: %s", e.at(), e.applied() ? "SET-BACK" : "NOT-SET", who,
          state, e.reason(), result));
    }
    out.flush();
  }

  private void printConnection(PrintWriter out, LiveHardStop.Status s) {
    if (genesys.format == Format.json) {
      out.println(Output.F.objectNode().put("type", "connection").put("connected", s.connected()).put("detail", s.connection()).toString());
    } else {
      out.println((s.connected() ? "stream:   " : "stream:   DOWN ") + s.connection());
    }
    out.flush();
  }

  private void summary(PrintWriter out, LiveHardStop.Status s) {
    if (genesys.format == Format.json) {
      out.println(Output.F.objectNode().put("type", "summary").put("events", s.events()).put("blockedReady", s.blockedReady())
          .put("applied", s.applied()).put("failed", s.failed()).put("coalesced", s.coalesced()).put("rechecks", s.rechecks())
          .put("dropped", s.dropped()).toString());
    } else {
      out.println("Done: " + s.events() + " event(s), " + s.applied() + " agent(s) set back, " + s.failed() + " failed.");
    }
    out.flush();
  }

  static Duration parse(String option, String text, Duration min, Duration max) {
    Duration d;
    Matcher m = SHORT.matcher(text == null ? "" : text.strip());
    if (m.matches()) {
      long n = Long.parseLong(m.group(1));
      d = switch (m.group(2)) {
        case "ms" -> Duration.ofMillis(n);
        case "s" -> Duration.ofSeconds(n);
        case "m" -> Duration.ofMinutes(n);
        default -> Duration.ofHours(n);
      };
    } else {
      try {
        d = Duration.parse(text.strip());
      } catch (DateTimeParseException | NullPointerException e) {
        throw new Output.BadInput(option + " '" + text + "' is not a duration such as 90s, 10m, 8h or PT8H");
      }
    }
    if (d.compareTo(min) < 0 || d.compareTo(max) > 0) {
      throw new Output.BadInput(option + " " + text + " must be between " + min + " and " + max);
    }
    return d;
  }
}
