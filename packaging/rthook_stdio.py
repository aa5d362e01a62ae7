"""PyInstaller run-time hook (packaging/wawaran.spec): standard streams that always exist.

A Windows GUI program (``WawaranDesktop.exe``, built without a console) starts with no
standard output or error, so Python sets ``sys.stdout`` and ``sys.stderr`` to None, and any
``sys.stderr.write(...)`` — the error report writes the traceback there as well as to its log —
would raise inside the exception hook and hide the message from the user. Here they write to the
null device instead; where the streams exist (the console program, redirected output) nothing
changes.
"""

import os
import sys

for _name in ("stdout", "stderr"):
    if getattr(sys, _name) is None:
        setattr(sys, _name, open(os.devnull, "w", encoding="utf-8"))  # noqa: SIM115  (lives as long as the process)
