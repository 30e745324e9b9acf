/** Location-store faults for tests and drills: {@link dev.e911.testkit.store.FailingLocationStore}. */
package dev.e911.testkit.store;
