"""Applications (permohonan): registration, the people who apply, steps, deadlines, scans, lists and access."""
