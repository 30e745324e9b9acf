package dev.e911.carrier.manual;

import static org.assertj.core.api.Assertions.assertThat;

import dev.e911.api.address.DispatchableAddress;
import dev.e911.api.phone.Elin;
import dev.e911.api.spi.AddressValidationResult;
import dev.e911.api.spi.Binding;
import dev.e911.api.spi.CarrierAdapter;
import dev.e911.api.spi.CarrierConfig;
import dev.e911.api.spi.CarrierProvider;
import dev.e911.api.spi.ProvisioningResult;
import dev.e911.api.spi.ReadBackResult;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The manual (worksheet) carrier")
class ManualCarrierTest {

  final ManualCarrier carrier = ManualCarrier.builder().id("lumen").portal("Control Center")
      .clock(Clock.fixed(Instant.parse("2026-11-25T16:00:00Z"), ZoneOffset.UTC)).build();

  static DispatchableAddress.Builder howard() {
    return DispatchableAddress.builder("US").houseNumber("500").streetName("Howard").streetSuffix("St")
        .city("San Francisco").state("CA").postalCode("94105");
  }

  static Binding.NumberBinding binding(String number, DispatchableAddress address, String callerName) {
    return new Binding.NumberBinding(Elin.parse(number, "US", Elin.Kind.AGENT_DID), address, callerName);
  }

  static String confirmation(String... rows) {
    return "request_id,status,portal_reference,note\r\n" + String.join("\r\n", rows) + "\r\n";
  }

  @Test
  @DisplayName("writes a formula-safe worksheet: guarded caller names, numbers without the plus")
  void formulaSafe() throws Exception {
    carrier.provision(binding("+14155550100", howard().build(), "=HYPERLINK(\"http://x\",\"y\")"));
    String csv = carrier.worksheetCsv();
    List<List<String>> rows = Csv.parse(csv);
    assertThat(rows.get(0)).isEqualTo(ManualCarrier.worksheetColumns());
    List<String> row = rows.get(1);
    assertThat(row.get(2)).isEqualTo("14155550100");
    assertThat(row.get(3)).isEqualTo("'=HYPERLINK(\"http://x\",\"y\")");
    assertThat(csv).doesNotContain(",=").doesNotContain(",+");
  }

  @Test
  @DisplayName("refuses an address element the worksheet has no column for, naming the field")
  void unmappable() {
    ProvisioningResult r = carrier.provision(binding("+14155550100", howard().landmark("Ferry Building").build(), "A"));
    assertThat(r).isInstanceOfSatisfying(ProvisioningResult.Rejected.class,
        rej -> assertThat(rej.reasons()).singleElement().asString().startsWith("address.landmark (LMK)"));
    assertThat(carrier.pendingRows()).isEmpty();
  }

  @Test
  @DisplayName("is pending until the confirmation is imported, then found; re-importing is harmless")
  void confirm() {
    Binding.NumberBinding b = binding("+14155550100", howard().unit("Suite 300").build(), "DESK 12");
    ProvisioningResult r = carrier.provision(b);
    assertThat(r).isInstanceOf(ProvisioningResult.Pending.class);
    String id = ((ProvisioningResult.Pending) r).orderReference();
    assertThat(carrier.readBack(b.key())).isInstanceOf(ReadBackResult.NotFound.class);

    ConfirmationImport first = carrier.importConfirmations(confirmation(id + ",done,PPU-7,"));
    assertThat(first).isEqualTo(new ConfirmationImport(1, 0, 0, List.of()));
    assertThat(carrier.readBack(b.key())).isInstanceOfSatisfying(ReadBackResult.Found.class,
        f -> assertThat(f.binding().carrierReference()).isEqualTo("PPU-7"));
    assertThat(carrier.importConfirmations(confirmation(id + ",DONE,PPU-7,")).alreadyApplied()).isEqualTo(1);
    assertThat(carrier.provision(b)).isInstanceOf(ProvisioningResult.Done.class);
  }

  @Test
  @DisplayName("keeps a rejection: the same request is rejected again, a changed one is queued")
  void rejection() {
    Binding.NumberBinding b = binding("+14155550100", howard().build(), "DESK 12");
    String id = ((ProvisioningResult.Pending) carrier.provision(b)).orderReference();
    carrier.importConfirmations(confirmation(id + ",REJECTED,,address not in portal lookup"));
    assertThat(carrier.provision(b)).isInstanceOfSatisfying(ProvisioningResult.Rejected.class,
        rej -> assertThat(rej.reasons()).singleElement().asString().contains("address not in portal lookup"));
    assertThat(carrier.provision(binding("+14155550100", howard().floor("2").build(), "DESK 12")))
        .isInstanceOf(ProvisioningResult.Pending.class);
  }

  @Test
  @DisplayName("reports superseded, unknown and malformed confirmation lines with their line numbers")
  void problems() {
    String oldId = ((ProvisioningResult.Pending) carrier.provision(binding("+14155550100", howard().build(), "A")))
        .orderReference();
    carrier.provision(binding("+14155550100", howard().floor("4").build(), "A"));
    ConfirmationImport result = carrier.importConfirmations(confirmation(oldId + ",DONE,,", "M-NOPE,DONE,,", oldId + ",MAYBE,,"));
    assertThat(result.applied()).isZero();
    assertThat(result.problems()).extracting(ConfirmationImport.Problem::line).containsExactly(2, 3, 4);
    assertThat(carrier.pendingRows()).singleElement().satisfies(row -> assertThat(row.address().oneLine()).contains("Floor 4"));

    assertThat(carrier.importConfirmations("id,state\r\nx,DONE\r\n").problems()).singleElement()
        .satisfies(p -> assertThat(p.line()).isEqualTo(1));
    assertThat(carrier.importConfirmations("request_id,status\r\n\"open,DONE\r\n").problems()).singleElement()
        .satisfies(p -> assertThat(p.line()).isEqualTo(2));
  }

  @Test
  @DisplayName("derives request ids from content, so a restarted adapter queues the same id")
  void deterministicIds() {
    Binding.NumberBinding b = binding("+14155550100", howard().build(), "A");
    ManualCarrier restarted = ManualCarrier.builder().id("lumen").portal("Control Center")
        .clock(Clock.fixed(Instant.parse("2027-01-01T00:00:00Z"), ZoneOffset.UTC)).build();
    assertThat(((ProvisioningResult.Pending) restarted.provision(b)).orderReference())
        .isEqualTo(((ProvisioningResult.Pending) carrier.provision(b)).orderReference());
  }

  @Test
  @DisplayName("has no validation, and lumen is found with ServiceLoader as a manual carrier")
  void lumen() {
    assertThat(carrier.validate(howard().build())).isInstanceOf(AddressValidationResult.Unsupported.class);
    CarrierProvider lumen = ServiceLoader.load(CarrierProvider.class).stream().map(ServiceLoader.Provider::get)
        .filter(p -> p.name().equals("lumen")).findFirst().orElseThrow();
    try (CarrierAdapter adapter = lumen.create(new CarrierConfig("lumen", Map.of(), Map.of()))) {
      assertThat(adapter.id()).isEqualTo("lumen");
      assertThat(adapter.capabilities().manualProvisioning()).isTrue();
      assertThat(adapter.capabilities().addressValidation()).isFalse();
    }
  }
}
