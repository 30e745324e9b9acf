package dev.e911.cli;

import dev.e911.api.spi.PlatformInventory;
import dev.e911.api.spi.PlatformResult;
import dev.e911.api.spi.RemoteFailure;
import dev.e911.api.spi.Secret;
import dev.e911.api.validation.InvalidValueException;
import dev.e911.api.validation.Violation;
import dev.e911.core.dialplan.DialPlan;
import dev.e911.genesys.GenesysPlatform;
import java.net.URI;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/**
 * The options every {@code genesys} subcommand shares — where the org is ({@code --region}, or {@code --api-base} with
 * {@code --login-base}) and {@code --format} — and connecting to it with the OAuth client from the environment.
 */
final class GenesysOptions {

  @ArgGroup(exclusive = true, multiplicity = "1")
  Target target;

  @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
  Format format;

  /** {@code --region}, or both URLs. */
  static final class Target {
    @Option(names = "--region", paramLabel = "NAME",
        description = "The Genesys Cloud region: SDK id (us_west_2) or domain (usw2.pure.cloud).")
    String region;

    @ArgGroup(exclusive = false, multiplicity = "1")
    Urls urls;
  }

  /** Explicit hosts instead of a region. */
  static final class Urls {
    @Option(names = "--api-base", required = true, paramLabel = "URL", description = "The API base, e.g. https://api.usw2.pure.cloud.")
    URI apiBase;

    @Option(names = "--login-base", required = true, paramLabel = "URL",
        description = "The login base, e.g. https://login.usw2.pure.cloud.")
    URI loginBase;
  }

  /**
   * The adapter for the org, with the client id and secret from {@link GenesysCommand#CLIENT_ID_VAR} and
   * {@link GenesysCommand#CLIENT_SECRET_VAR}; a missing variable or a refused option is {@link Output.BadInput}.
   */
  GenesysPlatform connect(DialPlan dialPlan) {
    return connect(dialPlan, java.util.function.UnaryOperator.identity());
  }

  /** {@link #connect(DialPlan)} with the command's own builder options applied first. */
  GenesysPlatform connect(DialPlan dialPlan, java.util.function.UnaryOperator<GenesysPlatform.Builder> options) {
    String clientId = variable(GenesysCommand.CLIENT_ID_VAR, "the OAuth client id");
    String secret = variable(GenesysCommand.CLIENT_SECRET_VAR, "the OAuth client secret");
    GenesysPlatform.Builder b = GenesysPlatform.builder().clientId(clientId.strip()).clientSecret(Secret.of(secret));
    if (target.region != null) {
      b.region(target.region);
    } else {
      b.apiBase(target.urls.apiBase).loginBase(target.urls.loginBase);
    }
    if (dialPlan != null) {
      b.dialPlan(dialPlan);
    }
    try {
      return GenesysCommand.builderHook.apply(options.apply(b)).build();
    } catch (InvalidValueException e) {
      // the builder never echoes the secret; map its field names to the options and variables that set them
      throw new Output.BadInput("the Genesys Cloud connection cannot be set up",
          e.violations().stream().map(v -> new Violation(optionFor(v.path()), v.rule(), v.message())).toList());
    }
  }

  private static String variable(String name, String what) {
    String value = GenesysCommand.environment.apply(name);
    if (value == null || value.isBlank()) {
      throw new Output.BadInput("the environment variable " + name + " (" + what + ") is not set");
    }
    return value;
  }

  private static String optionFor(String path) {
    if (path.startsWith("clientId")) {
      return GenesysCommand.CLIENT_ID_VAR;
    }
    if (path.startsWith("clientSecret")) {
      return GenesysCommand.CLIENT_SECRET_VAR;
    }
    if (path.startsWith("apiBase")) {
      return "--api-base";
    }
    if (path.startsWith("loginBase")) {
      return "--login-base";
    }
    if (path.startsWith("notReadyPresence")) {
      return "--presence";
    }
    if (path.startsWith("region")) {
      return "--region";
    }
    return path;
  }

  /** The org's inventory, or {@link Output.BadInput} with the typed failure. */
  static PlatformInventory readInventory(GenesysPlatform genesys, String when) {
    String what = when.isEmpty() ? "reading the org" : "reading the org " + when;
    PlatformResult<PlatformInventory> r = genesys.readInventory();
    if (r instanceof PlatformResult.Ok<PlatformInventory> ok) {
      return ok.value();
    }
    if (r instanceof PlatformResult.Failed<PlatformInventory> f) {
      throw new Output.BadInput(describe(what, f.failure()));
    }
    throw new Output.BadInput(what + " is not supported: " + ((PlatformResult.Unsupported<?>) r).reason());
  }

  /**
   * One line for a remote failure: what was done, the kind, HTTP status and Genesys code, the adapter's message (which
   * names the call, the Genesys message and its contextId, and holds no credential), and what to do.
   */
  static String describe(String what, RemoteFailure f) {
    StringBuilder sb = new StringBuilder("Genesys Cloud: ").append(what).append(" failed [").append(f.kind());
    if (f.httpStatus() > 0) {
      sb.append(", HTTP ").append(f.httpStatus());
    }
    if (!f.code().isEmpty()) {
      sb.append(", code ").append(f.code());
    }
    sb.append("]: ").append(f.message());
    switch (f.kind()) {
      case AUTHENTICATION -> sb.append(" — check ").append(GenesysCommand.CLIENT_ID_VAR).append(" and ")
          .append(GenesysCommand.CLIENT_SECRET_VAR).append(" (a Client Credentials OAuth client of this region)");
      case PERMISSION -> sb.append(" — the OAuth client's role lacks a permission (docs/genesys.md, Permissions)");
      case TRANSIENT, RATE_LIMITED, CONFLICT -> sb.append(" — try again later");
      default -> { }
    }
    return sb.toString();
  }
}
