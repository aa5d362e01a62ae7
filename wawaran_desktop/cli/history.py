"""``main.py verify-history``: the history's hash chain and its anchors checked (services/history.py)."""

from __future__ import annotations

import argparse
import sys

from wawaran_desktop.services.history import HistoryService
from wawaran_desktop.services.workspace import Workspace


def verify_history(ws: Workspace, args: argparse.Namespace) -> int:
    """Exit 0 and the chain's length and head when whole; 2 and where it is not otherwise."""
    check = HistoryService(ws).verify()
    print(check.message, file=sys.stdout if check.whole else sys.stderr)
    return 0 if check.whole else 2
