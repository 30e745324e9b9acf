/**
 * The emergency dial plan: {@link dev.e911.core.dialplan.DialPlan} compiles the
 * {@link dev.e911.api.routing.EmergencyRoutingRule}s (Genesys-style anchored regexes such as
 * {@code ^911$}) once into a digit trie, then classifies dial strings ({@code 911}, {@code tel:911},
 * {@code sip:911@host;user=phone}, {@code 9-911}) without regex and without allocation, returning a
 * {@link dev.e911.core.dialplan.DialResult}. It also exports the same plan as Genesys number-plan
 * entries ({@link dev.e911.core.dialplan.GenesysNumberPlanEntry}).
 */
package dev.e911.core.dialplan;
