"""Case kinds: what a service carries beyond the application (its own data, rules, panel and letter fields), found in one registry."""
