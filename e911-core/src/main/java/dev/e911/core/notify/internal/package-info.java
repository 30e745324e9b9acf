/** Internals of {@code dev.e911.core.notify}: per-notifier lanes, the default scheduler, JSON and log-line writers. */
package dev.e911.core.notify.internal;
