"""Start Wawaran Desktop: ``python main.py`` opens the window; ``--help`` lists subcommands."""

from wawaran_desktop.app import main

if __name__ == "__main__":
    raise SystemExit(main())
