"""The application's frame: start, main window, sign-in, lock, connection, sections and background workers."""
