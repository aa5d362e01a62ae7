"""Second reference for bench/startup.py: what the required libraries cost before any of the
application's own work.

Started like the empty window, it does only what every start of Wawaran Desktop must do
with the stack the project is built on: peewee opens the same SQLite database and reads the
campaign titles, PySide6's ``Qt`` namespace is touched (as any Designer form with an
alignment or a splitter does), and a QMainWindow shows one text field (which loads the fonts).

    python bench/floor_window.py DATA_DIR
"""

import sys
import time

T0 = time.perf_counter()

import peewee  # noqa: E402
from PySide6.QtCore import Qt, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication, QLineEdit, QMainWindow  # noqa: E402


def main() -> int:
    db = peewee.SqliteDatabase(f"{sys.argv[1]}/wawaran.sqlite3")
    titles = [title for (title,) in db.execute_sql("SELECT title FROM campaign ORDER BY created_at DESC")]
    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    field = QLineEdit(titles[0] if titles else "")
    field.setAlignment(Qt.AlignmentFlag.AlignLeft)
    window.setCentralWidget(field)
    window.resize(1280, 800)
    window.show()

    def report() -> None:
        print(f"ready {time.perf_counter() - T0:.4f}", flush=True)
        window.close()
        db.close()

    QTimer.singleShot(0, report)
    return app.exec()


if __name__ == "__main__":
    raise SystemExit(main())
