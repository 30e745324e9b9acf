/**
 * Where agent locations, their history and the outbox of pending remote operations are kept: the
 * {@link dev.e911.api.spi.LocationStore} implementations. {@link dev.e911.core.store.InMemoryLocationStore}
 * is the default for one node and for tests; {@link dev.e911.core.store.JdbcLocationStore} keeps the same
 * promises in H2 or PostgreSQL, shared by every node that points at the database, and survives restarts.
 * Both run one contract test. A version conflict is a value, a caller mistake an
 * {@link java.lang.IllegalArgumentException}, a database failure a {@link dev.e911.api.spi.StoreException}
 * (never quoting credentials), and a row e911 will not read back a
 * {@link dev.e911.core.store.StoredDataException}. Tables, migrations and the crash-safety argument:
 * {@code docs/store.md}.
 */
package dev.e911.core.store;
