"""Build the compiled twins (Cython) of cleaner's hot functions.

Everything else is in pyproject.toml.  The extensions are optional: without a
C compiler, or with CLEANER_PURE_PYTHON=1 at build time, the install still
works and cleaner uses its Python functions (same output, slower).
"""

import os

from setuptools import Extension, setup

TWINS = ["_scripts"]  # cleaner/<name>.pyx; keep in step with cleaner/compiled.py
PURE = os.environ.get("CLEANER_PURE_PYTHON", "") not in ("", "0")


def extensions():
    if PURE:
        return []
    try:
        from Cython.Build import cythonize
    except ImportError:  # a build without Cython: the Python functions are used
        return []
    exts = [Extension(f"cleaner.{name}", [f"cleaner/{name}.pyx"], optional=True) for name in TWINS]
    return cythonize(exts, compiler_directives={"language_level": 3}, quiet=True)


setup(ext_modules=extensions())
