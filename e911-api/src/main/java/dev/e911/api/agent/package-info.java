/** Agents: who they are, where they belong, which numbers they have. */
package dev.e911.api.agent;
