"""Code generated from ui/*.ui by ``python tools/build_ui.py``. Never edit by hand."""
