/**
 * The contact-center configuration file: {@link dev.e911.core.config.ContactCenterConfig} (the whole
 * center as one checked value) and {@link dev.e911.core.config.ConfigLoader} (load it whole or refuse
 * it with every problem named).
 */
package dev.e911.core.config;
