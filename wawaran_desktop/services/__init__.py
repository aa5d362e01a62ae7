"""Domain rules, free of Qt: staff, campaigns, steps and their timing.

Views and the command line call these; they never run queries themselves.
"""
