-- e911 location store, schema version 1. Portable SQL: H2 2.x and PostgreSQL 12+.
-- ${prefix} is the table prefix (default e911_). Every statement may run twice (two nodes
-- migrating at once), so each one is idempotent. Instants are TIMESTAMP(6) WITH TIME ZONE in UTC.

-- The current claim per agent, with its optimistic version and the sequence of its last change.
CREATE TABLE IF NOT EXISTS ${prefix}agent_location (
  agent_id      VARCHAR(128)    NOT NULL PRIMARY KEY,
  version       BIGINT          NOT NULL,
  last_seq      BIGINT          NOT NULL,
  location_json VARCHAR(262144) NOT NULL,
  updated_at    TIMESTAMP(6) WITH TIME ZONE NOT NULL
);

-- Every change, written in the same transaction as the claim; seq is the change feed.
CREATE TABLE IF NOT EXISTS ${prefix}location_history (
  seq          BIGINT        NOT NULL PRIMARY KEY,
  agent_id     VARCHAR(128)  NOT NULL,
  version      BIGINT        NOT NULL,
  changed_at   TIMESTAMP(6) WITH TIME ZONE NOT NULL,
  actor        VARCHAR(256)  NOT NULL,
  source       VARCHAR(32)   NOT NULL,
  verification VARCHAR(32)   NOT NULL,
  location_id  VARCHAR(128)  NOT NULL,
  address      VARCHAR(1024) NOT NULL,
  evidence     VARCHAR(4096) NOT NULL,
  recorded_at  TIMESTAMP(6) WITH TIME ZONE NOT NULL
);

CREATE INDEX IF NOT EXISTS ${prefix}location_history_agent ON ${prefix}location_history (agent_id, seq);

-- One row: the last change sequence handed out. Every save locks it until commit, so sequence
-- numbers become visible in the order they were handed out and a poller never skips one.
CREATE TABLE IF NOT EXISTS ${prefix}change_counter (
  id       INTEGER NOT NULL PRIMARY KEY,
  last_seq BIGINT  NOT NULL
);

INSERT INTO ${prefix}change_counter (id, last_seq)
  SELECT 1, 0 WHERE NOT EXISTS (SELECT 1 FROM ${prefix}change_counter WHERE id = 1);

-- Pending remote operations; the primary key makes enqueueing idempotent.
CREATE TABLE IF NOT EXISTS ${prefix}outbox (
  id          VARCHAR(256)    NOT NULL PRIMARY KEY,
  kind        VARCHAR(64)     NOT NULL,
  agent_id    VARCHAR(128)    NOT NULL,
  payload     VARCHAR(262144) NOT NULL,
  attempts    INTEGER         NOT NULL,
  due_at      TIMESTAMP(6) WITH TIME ZONE NOT NULL,
  last_error  VARCHAR(2048)   NOT NULL,
  enqueued_at TIMESTAMP(6) WITH TIME ZONE NOT NULL
);

CREATE INDEX IF NOT EXISTS ${prefix}outbox_due ON ${prefix}outbox (due_at, id);
