# Shared by the compiled twins (cimported; nothing to build on its own).


cdef inline str exact_str(object text):
    """``text`` as an exact ``str``: a subclass's own characters (numpy.str_,
    a user's ``class Text(str)``), which is what its Python twin reads."""
    return <str> text if type(text) is str else str.__str__(text)
