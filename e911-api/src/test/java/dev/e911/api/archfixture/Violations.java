package dev.e911.api.archfixture;

import java.io.File;
import java.time.Instant;
import java.util.logging.Logger;

/** Classes that break the api rules on purpose, so the rules are shown to fail (never part of main). */
public final class Violations {

  private Violations() {}

  /** Depends on javax.xml, which is neither java.., jakarta.validation.. nor libphonenumber. */
  public static final class UsesJavaxXml {
    public Object factory() {
      return javax.xml.parsers.DocumentBuilderFactory.newInstance();
    }
  }

  /** Touches the file system. */
  public static final class UsesFiles {
    public boolean exists(String path) {
      return new File(path).exists();
    }
  }

  /** Prints to standard out. */
  public static final class PrintsToStdout {
    public void hello() {
      System.out.println("hello");
    }
  }

  /** Logs with java.util.logging. */
  public static final class Logs {
    public void log() {
      Logger.getLogger("x").info("hello");
    }
  }

  /** Resolves a host name. */
  public static final class ResolvesNames {
    public Object resolve(String host) throws java.net.UnknownHostException {
      return java.net.InetAddress.getByName(host);
    }
  }

  /** Reads Instant.now(). */
  public static final class ReadsInstantNow {
    public Instant when() {
      return Instant.now();
    }
  }

  /** Reads System.currentTimeMillis(). */
  public static final class ReadsMillis {
    public long when() {
      return System.currentTimeMillis();
    }
  }

  /** Reads LocalDateTime.now(). */
  public static final class ReadsLocalDateTimeNow {
    public Object when() {
      return java.time.LocalDateTime.now(java.time.ZoneOffset.UTC);
    }
  }

  /** A builder-based value class with a mutable field. */
  public static final class MutableValue {
    private String name;

    private MutableValue(Builder b) {
      this.name = b.name;
    }

    public static Builder builder() {
      return new Builder();
    }

    public String name() {
      return name;
    }

    /** Its builder (builders may have mutable fields). */
    public static final class Builder {
      private String name;

      public MutableValue build() {
        return new MutableValue(this);
      }
    }
  }

  /** A builder-based value class whose fields are all final. */
  public static final class ImmutableValue {
    private final String name;

    private ImmutableValue(Builder b) {
      this.name = b.name;
    }

    public static Builder builder() {
      return new Builder();
    }

    public String name() {
      return name;
    }

    /** Its builder. */
    public static final class Builder {
      private String name;

      public ImmutableValue build() {
        return new ImmutableValue(this);
      }
    }
  }
}
