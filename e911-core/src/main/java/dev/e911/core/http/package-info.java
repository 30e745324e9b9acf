/**
 * Resilient calls to remote HTTP APIs for e911's adapters: {@link dev.e911.core.http.ResilientHttp}
 * sends through the JDK {@code java.net.http.HttpClient} with per-attempt timeouts, a
 * {@link dev.e911.core.http.RetryPolicy} (capped exponential backoff with jitter, {@code Retry-After}
 * honoured via {@link dev.e911.core.http.RetryAfter}), bounded response bodies, and results as a
 * sealed {@link dev.e911.core.http.HttpOutcome}. {@link dev.e911.core.http.Redactor} (with the api's
 * {@code Secret}) keeps credentials out of logs and messages.
 */
package dev.e911.core.http;
