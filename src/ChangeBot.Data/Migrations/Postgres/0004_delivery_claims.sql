-- Deliveries that must be acted on once however often, and on however many replicas, they arrive: a Slack event
-- (kind 'slack_event', key its event_id: Slack redelivers when the 200 is late, possibly to another replica) and an
-- Alertmanager notification (kind 'alert', key the alert's fingerprint, status and start: two identical webhooks may
-- arrive at the same instant). The first writer of a key wins through the primary key; the others see the conflict.
-- A claim is kept until expires_at, then swept: redeliveries stop long before that.
CREATE TABLE delivery_claims (
    kind       TEXT NOT NULL,
    claim_key  TEXT NOT NULL,
    claimed_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    PRIMARY KEY (kind, claim_key)
);

CREATE INDEX delivery_claims_expiry ON delivery_claims (expires_at);
