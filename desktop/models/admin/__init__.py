"""Users, the office profile, settings, holidays and the audit trail."""
