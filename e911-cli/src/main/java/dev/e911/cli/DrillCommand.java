package dev.e911.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.e911.api.address.Dispatchability;
import dev.e911.api.location.Location;
import dev.e911.api.phone.Elin;
import dev.e911.api.routing.Classification;
import dev.e911.api.spi.AddressValidationResult;
import dev.e911.api.spi.Binding;
import dev.e911.api.spi.BindingKey;
import dev.e911.api.spi.CarrierAdapter;
import dev.e911.api.spi.ProvisioningResult;
import dev.e911.api.spi.ReadBackResult;
import dev.e911.core.config.ContactCenterConfig;
import dev.e911.core.dialplan.DialPlan;
import dev.e911.core.pidf.LocationMethod;
import dev.e911.core.pidf.PidfLoWriter;
import dev.e911.core.pidf.PidfSchemaValidator;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code e911 drill}: a 933 test call per location, through the dial plan, the PIDF-LO writer and the carrier's records. */
@Command(name = "drill", mixinStandardHelpOptions = true,
    description = "A 933 test call per location: would the carrier read back the right address for the number it receives?",
    footer = {"", "Examples:", "  ./e911 drill --config examples/contact-center.json",
        "  ./e911 drill --config examples/contact-center.json --provision --format json", "",
        "The carrier is the configuration's first carrier (secrets from the environment).",
        "Exit codes: 0 every location passes, 4 at least one would fail, 1 bad input, 2 usage."})
final class DrillCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--config", required = true, paramLabel = "FILE", description = "The contact-center configuration (JSON).")
  Path config;

  @Option(names = "--provision", description = "Provision every location ELIN at the carrier before the drill.")
  boolean provision;

  @Option(names = "--at", paramLabel = "INSTANT", description = "Run as of this instant (RFC 3339), default now.")
  Instant at;

  @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
  Format format;

  /** The verdict for one location. */
  record Result(Location location, String verdict, List<String> reasons) {}

  @Override
  public Integer call() {
    ContactCenterConfig c = ConfigFiles.load(config);
    Clock clock = at == null ? Clock.systemUTC() : Clock.fixed(at, ZoneOffset.UTC);
    CarrierAdapter carrier = ConfigFiles.carrier(c, clock, "").orElseThrow(() -> new Output.BadInput(config + ": no carrier is configured"));
    DialPlan.Builder plan = DialPlan.builder().rules(c.rules());
    if (!c.outsideLinePrefix().isEmpty()) {
      plan.outsideLinePrefix(c.outsideLinePrefix());
    }
    boolean testLine = plan.build().classify("933").classification() == Classification.EMERGENCY_TEST;
    PidfLoWriter writer = PidfLoWriter.builder("drill.e911.invalid").build();
    List<Result> results = new ArrayList<>();
    Progress progress = Progress.start(spec.commandLine().getErr(), "drill", c.locations().size(), format);
    for (Location l : c.locations()) {
      progress.step(l.id());
      List<String> reasons = new ArrayList<>();
      String verdict = "PASS";
      if (!testLine) {
        reasons.add("the dial plan has no ^933$ test rule: a 933 call would not be routed as a test");
        verdict = "FAIL";
      }
      Dispatchability d = l.address().dispatchability();
      if (!d.dispatchable()) {
        d.gaps().forEach(g -> reasons.add("address: " + g.description()));
        verdict = "FAIL";
      }
      if (!PidfSchemaValidator.standard().validate(writer.write("drill", l.address(), LocationMethod.MANUAL, clock.instant())).isValid()) {
        reasons.add("the PIDF-LO for this address does not validate");
        verdict = "FAIL";
      }
      if (l.elins().isEmpty()) {
        reasons.add("no ELIN: a 933 from here presents the caller's DID, which the carrier holds at the caller's own address");
        verdict = verdict.equals("FAIL") ? "FAIL" : "WARN";
      }
      for (Elin elin : l.elins()) {
        if (provision) {
          provision(carrier, l, elin, reasons);
        }
        ReadBackResult r = carrier.readBack(BindingKey.number(elin.e164()));
        if (r instanceof ReadBackResult.Found f) {
          if (!f.binding().address().sameCivicAddress(l.address()) && !sameStreetAddress(f, l)) {
            reasons.add(elin.e164() + ": the carrier holds " + f.binding().address().oneLine()
                + " — a 933 would read back that address and a 911 would reach its PSAP");
            verdict = "FAIL";
          } else {
            reasons.add(elin.e164() + ": the carrier reads back this address");
          }
        } else if (r instanceof ReadBackResult.NotFound) {
          reasons.add(elin.e164() + ": not provisioned at the carrier — a 911 from this ELIN falls to the national emergency call center");
          verdict = "FAIL";
        } else if (r instanceof ReadBackResult.Unsupported u) {
          reasons.add(elin.e164() + ": the carrier cannot read back (" + u.reason() + "); place a real 933 call from this location");
          verdict = verdict.equals("FAIL") ? "FAIL" : "WARN";
        } else if (r instanceof ReadBackResult.Failed f) {
          reasons.add(elin.e164() + ": the carrier could not be asked (" + f.failure().kind() + ")");
          verdict = "FAIL";
        }
      }
      results.add(new Result(l, verdict, reasons));
    }
    progress.finish();
    PrintWriter out = spec.commandLine().getOut();
    long failed = results.stream().filter(r -> r.verdict().equals("FAIL")).count();
    if (format == Format.json) {
      ObjectNode doc = Output.F.objectNode();
      doc.put("carrier", carrier.id());
      doc.put("locations", results.size());
      doc.put("failed", failed);
      ArrayNode arr = doc.putArray("results");
      for (Result r : results) {
        ObjectNode n = arr.addObject().put("locationId", r.location().id()).put("name", r.location().name())
            .put("address", r.location().address().oneLine()).put("verdict", r.verdict());
        ArrayNode rs = n.putArray("reasons");
        r.reasons().forEach(rs::add);
      }
      out.println(Output.json(doc));
    } else {
      out.println("933 drill against carrier '" + carrier.id() + "': " + results.size() + " locations, " + failed + " would fail");
      for (Result r : results) {
        out.println(String.format(java.util.Locale.ROOT, "%-4s %-14s %s", r.verdict(), r.location().id(), r.location().address().oneLine()));
        r.reasons().forEach(x -> out.println("       " + x));
      }
    }
    out.flush();
    return failed > 0 ? ExitCode.AUDIT_ERRORS : ExitCode.OK;
  }

  /** Validates the address first (as the confirmation flow does) and provisions the carrier's standard form. */
  private static void provision(CarrierAdapter carrier, Location l, Elin elin, List<String> reasons) {
    AddressValidationResult v = carrier.validate(l.address().withoutValidation());
    dev.e911.api.address.DispatchableAddress address;
    if (v instanceof AddressValidationResult.Valid valid) {
      address = valid.standardized();
    } else if (v instanceof AddressValidationResult.Unsupported) {
      address = l.address();
    } else if (v instanceof AddressValidationResult.Corrected c) {
      reasons.add(elin.e164() + ": not provisioned: the carrier corrects this address to " + c.suggestions().get(0).oneLine()
          + " (" + String.join("; ", c.reasons()) + ") — update the location");
      return;
    } else {
      reasons.add(elin.e164() + ": not provisioned: the carrier does not accept the address (" + v + ")");
      return;
    }
    String name = l.name().length() > 64 ? l.name().substring(0, 64) : l.name();
    ProvisioningResult p = carrier.provision(new Binding.NumberBinding(elin, address, name));
    if (!(p instanceof ProvisioningResult.Done)) {
      reasons.add(elin.e164() + ": provisioning did not complete: " + p);
    }
  }

  /** Carriers standardise spelling (ST vs Street); compare the street address without the in-building detail too. */
  private static boolean sameStreetAddress(ReadBackResult.Found f, Location l) {
    return f.binding().address().toBuilder().unit(null).floor(null).building(null).room(null).seat(null).build()
        .sameCivicAddress(l.address().toBuilder().unit(null).floor(null).building(null).room(null).seat(null).build());
  }
}
