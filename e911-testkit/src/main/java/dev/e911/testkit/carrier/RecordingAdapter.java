package dev.e911.testkit.carrier;

import dev.e911.api.address.DispatchableAddress;
import dev.e911.api.spi.AddressValidationResult;
import dev.e911.api.spi.Binding;
import dev.e911.api.spi.BindingKey;
import dev.e911.api.spi.CarrierAdapter;
import dev.e911.api.spi.CarrierCapabilities;
import dev.e911.api.spi.ProvisioningResult;
import dev.e911.api.spi.ReadBackResult;
import dev.e911.api.spi.WebhookRequest;
import dev.e911.api.spi.WebhookResult;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Supplier;

/**
 * Wraps the adapter under test so that the kit sees everything it says: the text of every result
 * and of every exception it throws (with causes and stack trace), for the credential scan that runs
 * after each test. A {@code null} result is turned into an {@link AssertionError} at once.
 */
final class RecordingAdapter implements CarrierAdapter {

  private final CarrierAdapter delegate;
  private final ConcurrentLinkedQueue<String> texts = new ConcurrentLinkedQueue<>();

  RecordingAdapter(CarrierAdapter delegate) {
    this.delegate = Objects.requireNonNull(delegate, "createAdapter returned null");
  }

  /** Every result's {@code toString()} and every thrown exception, in call order. */
  List<String> recordedTexts() {
    return List.copyOf(texts);
  }

  CarrierAdapter delegate() {
    return delegate;
  }

  private <T> T record(String operation, Supplier<T> call) {
    T result;
    try {
      result = call.get();
    } catch (RuntimeException | Error e) {
      StringWriter trace = new StringWriter();
      e.printStackTrace(new PrintWriter(trace));
      texts.add(trace.toString());
      throw e;
    }
    if (result == null) {
      throw new AssertionError(operation + " returned null; the SPI answers every call with a value");
    }
    texts.add(result.toString());
    return result;
  }

  @Override
  public String id() {
    return record("id", delegate::id);
  }

  @Override
  public CarrierCapabilities capabilities() {
    return record("capabilities", delegate::capabilities);
  }

  @Override
  public AddressValidationResult validate(DispatchableAddress address) {
    return record("validate", () -> delegate.validate(address));
  }

  @Override
  public ProvisioningResult provision(Binding binding) {
    return record("provision", () -> delegate.provision(binding));
  }

  @Override
  public ProvisioningResult remove(BindingKey key) {
    return record("remove", () -> delegate.remove(key));
  }

  @Override
  public ReadBackResult readBack(BindingKey key) {
    return record("readBack", () -> delegate.readBack(key));
  }

  @Override
  public WebhookResult parseWebhook(WebhookRequest request) {
    return record("parseWebhook", () -> delegate.parseWebhook(request));
  }

  @Override
  public void close() {
    record("close", () -> {
      delegate.close();
      return "closed";
    });
  }

  @Override
  public String toString() {
    return delegate.toString();
  }
}
