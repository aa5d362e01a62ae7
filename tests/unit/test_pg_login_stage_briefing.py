"""tests/unit/test_stage_briefing.py again, on a database prepared by init-server, signed in as a login of
its group (tests/pg_login.py)."""

from pg_login import rerun_as_login

rerun_as_login("test_stage_briefing", globals())
