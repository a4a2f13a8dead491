"""Where the shared development data and scorers are: the ``shared`` folder
beside the repository, or the folder named by the CLEANER_SHARED variable
(for a clone kept elsewhere)."""

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("CLEANER_SHARED", ROOT.parent / "shared"))
DATA = SHARED / "data"
TOOLS = SHARED / "tools"
