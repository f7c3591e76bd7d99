"""Referral destinations: the institutions list and what it offers a referral."""
