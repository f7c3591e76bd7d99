"""Complaints, suggestions and appreciation: recording, routing, the working-day clocks,
the reply, and who reads a confidential complainant."""
