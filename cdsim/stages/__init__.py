"""The stations of the figure, each a SimPy process: commit, build, staging, production.

Rework (a change going back to its author) and incidents (a failed deploy) are the two
loops that send work backwards.
"""
