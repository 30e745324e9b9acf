package dev.e911.reliability.remote;

import dev.e911.testkit.http.FaultProxy;
import dev.e911.testkit.http.ProxyFault;
import java.time.Duration;
import java.util.Map;
import java.util.Random;

/**
 * The seeded fault schedule of one scenario: while raging, each request meets the scenario's
 * {@link FaultClass} with probability {@code rate} (429s and 5xx come in bursts over consecutive
 * requests); once calmed (the storm is over, as an outbox retry later would find) every request passes.
 */
final class Storm implements FaultProxy.Schedule {

  private final FaultClass faultClass;
  private final Random random;
  private final double rate;
  private final Dialect dialect;
  private boolean raging = true;
  private int burstLeft;
  private ProxyFault burst;

  Storm(FaultClass faultClass, long seed, double rate, Dialect dialect) {
    this.faultClass = faultClass;
    this.random = new Random(seed);
    this.rate = rate;
    this.dialect = dialect;
  }

  synchronized void rage(boolean on) {
    raging = on;
    burstLeft = 0;
  }

  @Override
  public synchronized ProxyFault choose(FaultProxy.Request r) {
    if (!raging) {
      return new ProxyFault.Pass();
    }
    if (burstLeft > 0) {
      burstLeft--;
      return burst;
    }
    if (random.nextDouble() >= rate) {
      return new ProxyFault.Pass();
    }
    switch (faultClass) {
      case RATE_LIMIT_STORM: {
        burst = ProxyFault.Answer.tooManyRequests(1, dialect.contentType(), dialect.errorBody().apply(429));
        burstLeft = random.nextInt(4);
        return burst;
      }
      case SERVER_ERROR_BURST: {
        boolean afterApply = random.nextBoolean();
        if (afterApply) {
          int status = new int[] {500, 502, 504}[random.nextInt(3)];
          burst = new ProxyFault.ApplyThenAnswer(status, dialect.contentType(), dialect.errorBody().apply(status));
        } else {
          burst = dialect.error(random.nextBoolean() ? 500 : 503);
        }
        burstLeft = random.nextInt(3);
        return burst;
      }
      case CONNECTION_RESET:
        return random.nextBoolean() ? new ProxyFault.ResetBefore() : new ProxyFault.ResetAfter();
      case TRUNCATED_BODY:
        return new ProxyFault.Truncate();
      case MALFORMED_BODY:
        return new ProxyFault.Corrupt();
      case SLOW_DRIP:
        return new ProxyFault.Drip(48, Duration.ofMillis(4));
      case EXPIRED_TOKEN: {
        if (!dialect.carriesToken().test(r)) {
          return new ProxyFault.Pass();
        }
        if (random.nextBoolean()) {
          return dialect.expireToken().apply(r);
        }
        return new ProxyFault.Answer(401, Map.of("Content-Type", dialect.contentType()), dialect.hostile401().apply(r));
      }
      default:
        throw new AssertionError(faultClass);
    }
  }
}
