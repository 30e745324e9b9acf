/**
 * SIP location conveyance (RFC 6442): the {@code Geolocation} header value — written by value
 * ({@code <cid:...>}), read by value or by reference with any parameters — the
 * {@code Geolocation-Routing} header, and the {@code multipart/mixed} body that carries the SDP
 * and the {@code application/pidf+xml} part with the matching {@code Content-ID}. Independent of
 * any SIP stack: values are strings and bytes the caller puts into its own message.
 */
package dev.e911.core.sip;
