"""Dialogs, printing and saving of the office documents (issue 5)."""
