"""Case kinds, one package each: its model, rules, panel, letter fields, demo data and permissions (see desktop/services/cases/registry.py)."""
