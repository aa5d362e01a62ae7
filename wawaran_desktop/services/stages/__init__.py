"""One module per stage workspace; ``registry.py`` names the module of each workspace id.

Each module defines ``check_finish(campaign_id: int, reason: str | None) -> None``: the rule
its content puts on finishing the step. It raises ``RuleError``, or ``ReasonRequired`` when a
recorded reason lets the step finish anyway.
"""
