"""Domain rules, free of Qt: staff, campaigns, steps and their timing, the stages' own rules
(``stages/``), settings, the office profile, and the workspace that opens a data folder.

Views and the command line call these; they never run queries themselves. Chart geometry
(``charts/``), report and statistics data (``reports/``), language tools (``text/``) and the
demo generator (``demo/``) have packages of their own.
"""
