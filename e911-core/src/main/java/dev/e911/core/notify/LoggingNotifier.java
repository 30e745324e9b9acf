package dev.e911.core.notify;

import dev.e911.api.spi.EmergencyNotification;
import dev.e911.api.spi.EmergencyNotifier;
import dev.e911.api.spi.NotificationOutcome;
import dev.e911.api.spi.RemoteFailure;
import dev.e911.api.validation.InvalidValueException;
import dev.e911.api.validation.Violations;
import dev.e911.core.notify.internal.LogLine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes each notification as one structured SLF4J line ({@code key=value}, free text quoted and escaped
 * so nothing can forge a second line): at WARN for a real call, at INFO for a 933 test call, which the line
 * labels as a test. It holds only what the notification holds — no secrets, nothing else about the agent.
 * Useful as a floor under every other notifier (log shippers page on it) and for the demo. Thread-safe.
 */
public final class LoggingNotifier implements EmergencyNotifier {

  /** The logger name used unless another logger is given. */
  public static final String LOGGER_NAME = "dev.e911.notify";

  private final String id;
  private final String recipient;
  private final Logger logger;

  private LoggingNotifier(Builder b) {
    this.id = b.id;
    this.recipient = b.recipient;
    this.logger = b.logger;
  }

  /** A builder for a notifier with this id. */
  public static Builder builder(String id) {
    return new Builder(id);
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public NotificationOutcome send(EmergencyNotification notification) {
    try {
      String line = LogLine.format(notification, id, recipient);
      if (notification.isTest()) {
        logger.info("{}", line);
      } else {
        logger.warn("{}", line);
      }
      return new NotificationOutcome.Delivered("log:" + notification.callId());
    } catch (RuntimeException e) {
      return new NotificationOutcome.Failed(RemoteFailure.of(RemoteFailure.Kind.TRANSIENT,
          "logging notifier " + id + " failed: " + e.getClass().getName()));
    }
  }

  @Override
  public String toString() {
    return "LoggingNotifier[" + id + (recipient.isEmpty() ? "" : " for " + recipient) + "]";
  }

  /** Builds a {@link LoggingNotifier}; {@link #build()} reports every problem at once. */
  public static final class Builder {
    private final String id;
    private String recipient = "";
    private Logger logger = LoggerFactory.getLogger(LOGGER_NAME);

    private Builder(String id) {
      this.id = id;
    }

    /** Who reads these lines, e.g. {@code SF HQ security desk} (written into each line). Default none. */
    public Builder recipient(String recipient) {
      this.recipient = recipient;
      return this;
    }

    /** The logger to write to. Default {@value LoggingNotifier#LOGGER_NAME}. */
    public Builder logger(Logger logger) {
      this.logger = logger;
      return this;
    }

    /**
     * Validates and builds.
     *
     * @throws InvalidValueException listing every problem
     */
    public LoggingNotifier build() {
      Violations v = Violations.forType("LoggingNotifier");
      v.check(id == null || !id.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,63}"), "id", "notifier.id",
          "must be 1-64 letters, digits, '.', '_' or '-'");
      v.check(recipient == null, "recipient", "required", "must not be null (use \"\" for none)");
      v.check(recipient != null && recipient.length() > 200, "recipient", "max.length", "must be at most 200 characters");
      v.check(logger == null, "logger", "required", "must not be null");
      v.throwIfAny();
      return new LoggingNotifier(this);
    }
  }
}
