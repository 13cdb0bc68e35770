"""SMS backends behind one small interface: Twilio, the embedded outbox, a recording fake."""
