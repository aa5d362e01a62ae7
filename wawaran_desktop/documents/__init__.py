"""Word, Excel and PDF builders for the office's documents (no Qt here)."""
