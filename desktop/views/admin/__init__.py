"""Administration screens: users, office, settings, holidays, audit trail and backup."""
