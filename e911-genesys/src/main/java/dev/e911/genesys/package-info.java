/**
 * Genesys Cloud platform adapter: a slim client on the JDK HTTP client and Jackson that reads sites, locations, users, number plans and phone settings, keeps them in step with e911, applies configuration fixes and enforces the availability hard stop live.
 */
package dev.e911.genesys;
