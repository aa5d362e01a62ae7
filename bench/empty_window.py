"""Baseline for bench/startup.py: an empty PySide6 QMainWindow started the same way."""

import sys
import time

T0 = time.perf_counter()

from PySide6.QtCore import QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication, QMainWindow  # noqa: E402


def main() -> int:
    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.resize(1280, 800)
    window.show()

    def report() -> None:
        print(f"ready {time.perf_counter() - T0:.4f}", flush=True)
        window.close()

    QTimer.singleShot(0, report)
    return app.exec()


if __name__ == "__main__":
    raise SystemExit(main())
