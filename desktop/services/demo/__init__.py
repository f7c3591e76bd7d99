"""Realistic demo data for a new database: `pelita demo` and `pelita --demo`."""
