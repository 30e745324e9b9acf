/**
 * The {@code ./e911} command line.
 */
package dev.e911.cli;
