"""Hearse bookings and the wheelchair seating clinic (Magelang seed), without double booking."""
