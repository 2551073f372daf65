-- Instants are integer milliseconds since the Unix epoch (UTC) on both databases; JSON is text.
CREATE TABLE change_sequences (
    year        BIGINT PRIMARY KEY,
    last_number BIGINT NOT NULL
);

CREATE TABLE change_requests (
    id            TEXT PRIMARY KEY,
    year          BIGINT NOT NULL,
    number        BIGINT NOT NULL,
    title         TEXT NOT NULL,
    state         TEXT NOT NULL,
    type          TEXT NOT NULL,
    criticality   TEXT NOT NULL,
    requester     TEXT NOT NULL,
    executor      TEXT NOT NULL,
    planned_start BIGINT NOT NULL,
    planned_end   BIGINT NOT NULL,
    revision      BIGINT NOT NULL,
    version       BIGINT NOT NULL,
    snapshot      TEXT NOT NULL,
    created_at    BIGINT NOT NULL,
    updated_at    BIGINT NOT NULL,
    UNIQUE (year, number)
);
CREATE INDEX ix_change_requests_state ON change_requests (state, planned_start);
CREATE INDEX ix_change_requests_requester ON change_requests (requester);
CREATE INDEX ix_change_requests_planned ON change_requests (planned_start, planned_end);

CREATE TABLE change_services (
    change_id TEXT NOT NULL REFERENCES change_requests (id) ON DELETE CASCADE,
    service   TEXT NOT NULL,
    PRIMARY KEY (change_id, service)
);
CREATE INDEX ix_change_services_service ON change_services (service);

CREATE TABLE change_awaiting_roles (
    change_id TEXT NOT NULL REFERENCES change_requests (id) ON DELETE CASCADE,
    role      TEXT NOT NULL,
    PRIMARY KEY (change_id, role)
);
CREATE INDEX ix_change_awaiting_roles_role ON change_awaiting_roles (role);

CREATE TABLE change_revisions (
    change_id TEXT NOT NULL REFERENCES change_requests (id) ON DELETE CASCADE,
    number    BIGINT NOT NULL,
    content   TEXT NOT NULL,
    edited_by TEXT NOT NULL,
    edited_at BIGINT NOT NULL,
    PRIMARY KEY (change_id, number)
);

CREATE TABLE change_approvals (
    change_id          TEXT NOT NULL,
    requirement_key    TEXT NOT NULL,
    approver_id        TEXT NOT NULL,
    role               TEXT NOT NULL,
    revision           BIGINT NOT NULL,
    approved_at        BIGINT NOT NULL,
    voided_by_revision BIGINT NULL,
    PRIMARY KEY (change_id, requirement_key, approver_id, revision),
    FOREIGN KEY (change_id, revision) REFERENCES change_revisions (change_id, number)
);

CREATE TABLE audit_log (
    seq           BIGINT PRIMARY KEY,
    at            BIGINT NOT NULL,
    actor         TEXT NOT NULL,
    source        TEXT NOT NULL,
    action        TEXT NOT NULL,
    change_id     TEXT NULL,
    details       TEXT NOT NULL,
    previous_hash TEXT NOT NULL,
    hash          TEXT NOT NULL
);
CREATE INDEX ix_audit_log_at ON audit_log (at);

-- Identity ids are never reused; outbox rows are inserted under the audit-chain lock, so ids follow commit order.
CREATE TABLE outbox (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    channel         TEXT NOT NULL,
    method          TEXT NOT NULL,
    payload         TEXT NOT NULL,
    message_key     TEXT NULL,
    thread_key      TEXT NULL,
    state           TEXT NOT NULL,
    attempts        BIGINT NOT NULL,
    next_attempt_at BIGINT NOT NULL,
    claimed_until   BIGINT NULL,
    last_error      TEXT NULL,
    ts              TEXT NULL,
    created_at      BIGINT NOT NULL,
    sent_at         BIGINT NULL
);
CREATE INDEX ix_outbox_state_channel ON outbox (state, channel, id);

CREATE TABLE slack_messages (
    message_key TEXT PRIMARY KEY,
    channel     TEXT NOT NULL,
    ts          TEXT NOT NULL,
    posted_at   BIGINT NOT NULL
);

CREATE TABLE overrides (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    change_id  TEXT NULL REFERENCES change_requests (id),
    kind       TEXT NOT NULL,
    reason     TEXT NOT NULL,
    granted_by TEXT NOT NULL,
    granted_at BIGINT NOT NULL,
    details    TEXT NOT NULL
);
CREATE INDEX ix_overrides_change ON overrides (change_id);

CREATE TABLE change_locks (
    id                 TEXT PRIMARY KEY,
    name               TEXT NOT NULL,
    kind               TEXT NOT NULL CHECK (kind IN ('soft', 'hard')),
    lock_type          TEXT NOT NULL CHECK (lock_type IN ('freeze', 'pcl')),
    starts_at          BIGINT NOT NULL,
    ends_at            BIGINT NULL,
    recurrence         TEXT NULL,
    time_zone          TEXT NOT NULL,
    scope              TEXT NOT NULL,
    exceptions         TEXT NOT NULL,
    exception_approver TEXT NULL,
    definition         TEXT NOT NULL,
    created_by         TEXT NOT NULL,
    created_at         BIGINT NOT NULL,
    ended_at           BIGINT NULL
);

CREATE TABLE incidents (
    id          TEXT PRIMARY KEY,
    severity    TEXT NOT NULL CHECK (severity IN ('S1', 'S2', 'S3', 'S4')),
    status      TEXT NOT NULL,
    title       TEXT NOT NULL,
    started_at  BIGINT NOT NULL,
    resolved_at BIGINT NULL,
    source      TEXT NOT NULL
);

CREATE TABLE handoff_notes (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    change_id  TEXT NULL REFERENCES change_requests (id),
    author     TEXT NOT NULL,
    body       TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
