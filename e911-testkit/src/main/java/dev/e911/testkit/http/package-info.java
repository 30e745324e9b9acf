/**
 * A scripted HTTP server on loopback for testing adapters against an API that answers like the
 * real one, errors and misbehaviour included: {@link dev.e911.testkit.http.StubHttpServer},
 * its {@link dev.e911.testkit.http.StubRoute routes}, {@link dev.e911.testkit.http.StubResponse
 * responses} and {@link dev.e911.testkit.http.RecordedRequest recorded requests}.
 */
package dev.e911.testkit.http;
