"""``python -m edukg`` runs the command-line interface."""

from edukg.cli import run

if __name__ == "__main__":
    run()
