"""How the application uses the machine: atomic file writes and pauses of Python's garbage
collector. No domain rules."""
