"""Vocabulary shared by the flag lexicons (coach/core/triage/flags/)."""
