"""``python -m edukg`` runs the command-line interface."""

from edukg.cli import main

if __name__ == "__main__":
    main()
