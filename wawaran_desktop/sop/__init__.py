"""The SOP definition: schema (named tuples) and a validating loader."""

from wawaran_desktop.sop.loader import SopError, load_sop, parse_sop
from wawaran_desktop.sop.schema import Activity, Approver, Identity, Lane, Sop

__all__ = ["Activity", "Approver", "Identity", "Lane", "Sop", "SopError", "load_sop", "parse_sop"]
