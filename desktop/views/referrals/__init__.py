"""Lembaga Rujukan: the institutions referrals go to, kept by the administrator."""
