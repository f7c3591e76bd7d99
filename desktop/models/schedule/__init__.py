"""Hearse and seating-clinic bookings, their resources and duty rosters."""
