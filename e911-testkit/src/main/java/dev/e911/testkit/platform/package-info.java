/** An in-process contact-center platform for tests and demos: {@link dev.e911.testkit.platform.InMemoryPlatform}. */
package dev.e911.testkit.platform;
