/**
 * Known locations and agents' location claims: {@link dev.e911.api.location.Location},
 * {@link dev.e911.api.location.AgentLocation} with its source and verification state.
 */
package dev.e911.api.location;
