"""One module per stage workspace (named as in the SOP's ``workspace`` field).

A module may define ``check_finish(campaign_id: int, reason: str | None) -> None``: the rule
its content puts on finishing the step. It raises ``RuleError``, or ``ReasonRequired`` when a
recorded reason lets the step finish anyway.
"""
