package dev.e911.reliability.faults;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.e911.api.address.DispatchableAddress;
import dev.e911.api.network.NetworkObservation;
import dev.e911.core.config.ConfigLoader;
import dev.e911.core.config.ContactCenterConfig;
import dev.e911.testkit.reference.ReferenceDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Random;

/** The contact centers the reliability runs are built on: the bundled example, or a generated larger one. */
public final class Centers {
  private Centers() {}

  /** {@code examples/contact-center.json} of the repository. */
  public static Path exampleFile() {
    for (Path p : List.of(Path.of("..", "examples", "contact-center.json"), Path.of("examples", "contact-center.json"))) {
      if (Files.isRegularFile(p)) {
        return p;
      }
    }
    throw new IllegalStateException("examples/contact-center.json not found from " + Path.of("").toAbsolutePath());
  }

  /** The bundled example contact center (20 agents, 4 sites). */
  public static ContactCenterConfig example() {
    return ConfigLoader.load(exampleFile());
  }

  /**
   * The example plus {@code extraAgents} generated remote agents ({@code r00000}...) with their own DIDs,
   * every third of them without a DID on the remote site (so its callback comes from the ELIN pool).
   */
  public static ContactCenterConfig generated(int extraAgents) {
    try {
      ObjectMapper m = new ObjectMapper();
      ObjectNode root = (ObjectNode) m.readTree(Files.readAllBytes(exampleFile()));
      ArrayNode agents = (ArrayNode) root.get("agents");
      for (int i = 0; i < extraAgents; i++) {
        ObjectNode a = agents.addObject();
        a.put("id", agentId(i));
        a.put("displayName", "Generated Agent " + i);
        a.put("station", "WEBRTC");
        a.put("maskedCallerId", "+1 800 555 0100");
        if (i % 3 == 2) {
          a.put("siteId", "remote");
        } else {
          a.put("siteId", "remote-west");
          a.put("did", String.format("+1 737 %03d %04d", 200 + i / 10_000, i % 10_000));
        }
      }
      return ConfigLoader.parse(Path.of("generated-" + extraAgents + ".json"), m.writeValueAsBytes(root));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The id of generated agent {@code i}. */
  public static String agentId(int i) {
    return String.format("r%05d", i);
  }

  /** Every agent id of the configuration. */
  public static List<String> agentIds(ContactCenterConfig config) {
    return config.agents().stream().map(a -> a.id()).toList();
  }

  /**
   * One of the networks an agent can be on: the example's office subnets (verifying, one of them not
   * dispatchable), a home network e911 does not know, an office reached over the public range, or none.
   */
  public static NetworkObservation network(Random random, Instant at) {
    NetworkObservation.Builder b = NetworkObservation.builder(at);
    switch (random.nextInt(6)) {
      case 0 -> b.localAddress("10.10.2." + (2 + random.nextInt(200)));
      case 1 -> b.localAddress("10.10.3." + (2 + random.nextInt(200)));
      case 2 -> b.localAddress("10.20.12." + (2 + random.nextInt(200)));
      case 3 -> b.localAddress("10.10.4." + (2 + random.nextInt(200)));
      case 4 -> b.localAddress("192.168.1." + (2 + random.nextInt(200))).publicAddress("100.64." + random.nextInt(250) + ".7");
      default -> b.localAddress("172.16.0." + (2 + random.nextInt(200))).publicAddress("203.0.113.7" + random.nextInt(10));
    }
    return b.build();
  }

  /** The remote agents' home addresses the reference carrier knows (validated as they are). */
  public static List<DispatchableAddress> homes() {
    return ReferenceDatabase.demoAddresses().subList(3, ReferenceDatabase.demoAddresses().size());
  }
}
