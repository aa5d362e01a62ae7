"""tests/unit/test_attachments.py again, on a database prepared by init-server, signed in as a login of
its group (tests/pg_login.py)."""

from pg_login import rerun_as_login

FOLDER_ONLY = "on a server attachments are rows of stored_file, not files of the data folder"

rerun_as_login("test_attachments", globals(), sqlite_only={
    "test_copy_is_whole_and_recorded": FOLDER_ONLY,
    "test_a_file_that_cannot_be_removed_keeps_its_row_and_every_file": FOLDER_ONLY,
    "test_sweep_removes_only_old_leftovers_nothing_refers_to": FOLDER_ONLY,
})
