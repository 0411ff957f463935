"""``python -m cdsim``: the same as the ``cdsim`` command."""

from cdsim.cli import main

if __name__ == "__main__":
    main()
