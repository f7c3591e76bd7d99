"""Applications, their checklists, steps, scans and applicants."""
