"""Administration: users, the office profile, settings, holidays, the audit trail, backups and database logins."""
