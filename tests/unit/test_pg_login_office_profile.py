"""tests/unit/test_office_profile.py again, on a database prepared by init-server, signed in as a login of
its group (tests/pg_login.py)."""

from pg_login import rerun_as_login

FOLDER_ONLY = ("on a server the logo is a row of stored_file and each PC's copy is in cache/ "
               "(tests/unit/test_file_store.py tests it there)")

rerun_as_login("test_office_profile", globals(), sqlite_only={
    "test_logo_is_copied_into_the_data_folder_and_replaced_cleanly": FOLDER_ONLY,
    "test_a_logo_that_cannot_be_stored_leaves_the_profile_unchanged": FOLDER_ONLY,
})
