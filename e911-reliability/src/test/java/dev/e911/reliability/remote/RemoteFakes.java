package dev.e911.reliability.remote;

import dev.e911.testkit.carrier.CarrierFake;
import dev.e911.testkit.http.StubHttpServer;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;

/**
 * The carrier fakes are package-private in their modules' test-jars (FakeBandwidth, FakeIntelePeer);
 * this reaches them without editing them: their constructors, their loopback server, their fixture
 * credentials and the one knob the suite needs ({@code refuseTokens}). Everything else goes through the
 * public {@link CarrierFake} interface, which they implement.
 */
public final class RemoteFakes {

  public static final String BANDWIDTH = "dev.e911.carrier.bandwidth.FakeBandwidth";
  public static final String INTELEPEER = "dev.e911.carrier.intelepeer.FakeIntelePeer";

  private RemoteFakes() {}

  /** A FakeBandwidth in Dashboard mode. */
  public static CarrierFake bandwidthDashboard() {
    try {
      Class<?> mode = Class.forName("dev.e911.carrier.bandwidth.BandwidthConfig$Mode");
      Object dashboard = mode.getField("DASHBOARD").get(null);
      Constructor<?> c = Class.forName(BANDWIDTH).getDeclaredConstructor(mode);
      c.setAccessible(true);
      return (CarrierFake) c.newInstance(dashboard);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot build " + BANDWIDTH, e);
    }
  }

  /** A FakeIntelePeer expecting the raw token in {@code Authorization}. */
  public static CarrierFake intelePeer() {
    try {
      Constructor<?> c = Class.forName(INTELEPEER).getDeclaredConstructor(boolean.class);
      c.setAccessible(true);
      return (CarrierFake) c.newInstance(false);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot build " + INTELEPEER, e);
    }
  }

  /** The fake's loopback server. */
  static StubHttpServer server(CarrierFake fake) {
    return (StubHttpServer) invoke(fake, "server");
  }

  /** A static String constant of a fake class (USERNAME, PASSWORD, ACCOUNT). */
  public static String constant(String className, String name) {
    try {
      Field f = Class.forName(className).getDeclaredField(name);
      f.setAccessible(true);
      return (String) f.get(null);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot read " + className + "." + name, e);
    }
  }

  /** FakeIntelePeer: the next {@code n} token-carrying calls answer 401 and every issued token dies. */
  static void refuseTokens(CarrierFake intelePeer, int n) {
    invoke(intelePeer, "refuseTokens", n);
  }

  private static Object invoke(Object target, String name, Object... args) {
    try {
      for (Method m : target.getClass().getDeclaredMethods()) {
        if (m.getName().equals(name) && m.getParameterCount() == args.length) {
          m.setAccessible(true);
          return m.invoke(target, args);
        }
      }
      throw new NoSuchMethodException(target.getClass().getName() + "." + name);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot call " + name + " on " + target.getClass().getName(), e);
    }
  }
}
