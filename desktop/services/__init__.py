"""Qt-free business logic. Views call these; tests drive them directly."""
