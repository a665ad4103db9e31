"""Every tutorial notebook, executed start to finish through the installed `deepbrew` kernelspec.

A notebook passes when no cell raises and it asserted what it teaches: its cells call the
toolkit's `Checks`, which print a tick per verified claim and throw on a failed one. The
executed copies land in target/notebooks/ so a failure can be read with its outputs.
"""
import os
import pathlib
import re

import nbformat
import pytest
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

ROOT = pathlib.Path(__file__).resolve().parents[4]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
EXECUTED = ROOT / "target" / "notebooks"
CHECK_CALL = re.compile(r"\bcheck(AtLeast|AtMost|Close|Equals)?\s*\(")
TICK = "\u2713"

# Generous: a quick-mode notebook trains for a few minutes on 2 cores; a hung cell must still end.
CELL_TIMEOUT_S = int(os.environ.get("DEEPBREW_CELL_TIMEOUT", "900"))


def _source(nb):
    return "\n".join(c.source for c in nb.cells if c.cell_type == "code")


def _ticks(nb):
    count = 0
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            if out.get("output_type") == "stream":
                count += out.get("text", "").count(TICK)
    return count


def test_there_are_notebooks():
    assert NOTEBOOKS, "notebooks/ holds no .ipynb files"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_notebook_runs_and_its_checks_pass(path):
    nb = nbformat.read(str(path), as_version=4)
    assert nb.metadata.get("kernelspec", {}).get("name") == "deepbrew", \
        f"{path.name} must use the 'deepbrew' kernelspec"
    assert CHECK_CALL.search(_source(nb)), \
        f"{path.name} asserts nothing: a tutorial must check what it teaches with Checks"

    client = NotebookClient(
        nb,
        kernel_name="deepbrew",
        timeout=CELL_TIMEOUT_S,
        startup_timeout=120,
        resources={"metadata": {"path": str(path.parent)}},
    )
    EXECUTED.mkdir(parents=True, exist_ok=True)
    try:
        client.execute()
    except CellExecutionError as e:
        pytest.fail(f"{path.name}: a cell failed\n{e}", pytrace=False)
    finally:
        nbformat.write(nb, str(EXECUTED / path.name))

    assert _ticks(nb) > 0, f"{path.name} ran but no check printed a tick"
