package dev.e911.reliability.remote;

import dev.e911.testkit.http.FaultProxy;
import dev.e911.testkit.http.ProxyFault;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * How one remote speaks when the proxy answers in its place: the content type and body of an error
 * with a status, which requests carry a token, and how a token expires there (the fake's own
 * mechanism where it has one, else a 401 in the remote's shape). {@code hostile401} echoes the
 * credential the request presented, as a careless server might, so that an adapter that copies error
 * bodies into its messages would leak it (and the secret scan would see it).
 */
record Dialect(String contentType, Function<Integer, String> errorBody, Predicate<FaultProxy.Request> carriesToken,
    Function<FaultProxy.Request, ProxyFault> expireToken, Function<FaultProxy.Request, String> hostile401) {

  ProxyFault error(int status) {
    return new ProxyFault.Answer(status, java.util.Map.of("Content-Type", contentType), errorBody.apply(status));
  }
}
