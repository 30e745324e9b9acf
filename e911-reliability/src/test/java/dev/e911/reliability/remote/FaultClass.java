package dev.e911.reliability.remote;

/** The remote fault classes of issue 10, each injected by the {@link Storm} in front of a fake. */
enum FaultClass {
  RATE_LIMIT_STORM("429 storm", "429 + Retry-After: 1, bursts of 1-4 requests, not forwarded"),
  SERVER_ERROR_BURST("5xx burst", "bursts of 1-3: 500/503 not forwarded, or 500/502/504 after the fake applied it"),
  CONNECTION_RESET("connection reset", "TCP RST before forwarding, or after the fake applied it"),
  TRUNCATED_BODY("truncated body", "full Content-Length declared, connection closed halfway through the body"),
  MALFORMED_BODY("malformed body", "status and length kept, second half of the body garbage"),
  SLOW_DRIP("slow drip", "answer written 48 bytes at a time, 4 ms apart (inside the request timeout)"),
  EXPIRED_TOKEN("expired token", "the fake expires every issued token, or the proxy answers 401 echoing the credential");

  final String label;
  final String injected;

  FaultClass(String label, String injected) {
    this.label = label;
    this.injected = injected;
  }
}
