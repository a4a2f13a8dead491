"""Input and output at the edges of a run: readers (:mod:`.inputs`) and one
atomic writer (:mod:`.outputs`)."""
