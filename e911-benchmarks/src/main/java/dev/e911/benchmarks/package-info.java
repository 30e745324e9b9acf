/**
 * JMH benchmarks of the hot path (routing, PIDF-LO rendering, dial-plan classification, network lookup). Never a dependency of anything.
 */
package dev.e911.benchmarks;
