"""Build the compiled twins (Cython) of cleaner's hot functions.

Everything else is in pyproject.toml.  The extensions are optional: without a
C compiler, or with CLEANER_PURE_PYTHON=1 at build time, the install still
works and cleaner uses its Python functions (same output, slower).
"""

import ast
import os

from setuptools import Extension, setup


def _twins():
    """cleaner.compiled.TWINS, read without importing the package (its
    dependencies are not there at build time)."""
    with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "cleaner", "compiled.py")) as f:
        for node in ast.parse(f.read()).body:
            if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", "") == "TWINS":
                return list(ast.literal_eval(node.value))
    raise RuntimeError("cleaner/compiled.py has no TWINS")


TWINS = _twins()  # each cleaner/<name>.pyx
PURE = os.environ.get("CLEANER_PURE_PYTHON", "") not in ("", "0")


def extensions():
    if PURE:
        return []
    try:
        from Cython.Build import cythonize
    except ImportError:  # a build without Cython: the Python functions are used
        return []
    # Bit-identical floating point (the langdetect walk): no fused multiply-adds.
    flags = ["-ffp-contract=off"] if os.name != "nt" else []
    exts = [
        Extension(f"cleaner.{name}", [f"cleaner/{name}.pyx"], optional=True, extra_compile_args=flags) for name in TWINS
    ]
    return cythonize(exts, compiler_directives={"language_level": 3}, quiet=True)


setup(ext_modules=extensions())
