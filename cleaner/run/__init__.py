"""Runs of ``cleaner clean``: what one document becomes (:mod:`.job`), the plan
of a folder run (:mod:`.plan`), the worker pool (:mod:`.pool`), the first pass
over the run (:mod:`.passes`), progress and summary (:mod:`.progress`), and the
runs themselves, to one stream or to a tree of files (:mod:`.runner`)."""
