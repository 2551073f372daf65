-- The outbox is looked up by message key on every delivery of an update (is a post for this key still pending?) and
-- by the clock's once-per-firing check (is this firing's message already owed?). Without an index both scan the
-- whole outbox, which is never pruned, so they slowed down with every message the bot ever sent.
CREATE INDEX ix_outbox_message_key ON outbox (message_key);
