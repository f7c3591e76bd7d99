"""Referral destinations: the institutions and the target groups each accepts."""
