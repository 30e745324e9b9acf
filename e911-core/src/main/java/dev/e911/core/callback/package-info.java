/**
 * PSAP callbacks to pool ELINs: {@link dev.e911.core.callback.ElinBindings} keeps what the carrier
 * holds for each pool ELIN and the binding updates the router asked for, which the location
 * engine's outbox carries to the carrier off the call path.
 */
package dev.e911.core.callback;
