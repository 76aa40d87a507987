"""Runs inside Pyodide (worksheets/precompiled_stdlib.mjs calls `main`, under Node at build time).

Pyodide's python_stdlib.zip holds only sources, so every start compiles the ~150 modules it imports:
1.3 s of a 2 s start in Node and in Chromium here. This writes the zip again with those modules, and
the ones the checks import, as bytecode compiled by this very runtime (so it always matches its
Python), each as an unchecked hash-based .pyc in place of its source. Every other module stays a
source file: one that a rare path imports still loads, only slower. Members are stored, not
deflated: the build gzips the whole file (worksheets/site.py GZIPPED), which compresses better.

The checks wheel is unpacked before `main` runs.
"""

import importlib.util
import io
import marshal
import sys
import zipfile

STDLIB_ZIP = f"/lib/python{sys.version_info.major}{sys.version_info.minor}.zip"
#: An unchecked hash-based .pyc (PEP 552): loaded without looking for its source.
UNCHECKED_HASH = (0b01).to_bytes(4, "little")


def imported_from(archive: str) -> set[str]:
    """Names, inside `archive`, of the modules imported so far."""
    prefix = archive + "/"
    return {module.__file__[len(prefix):] for module in list(sys.modules.values())
            if (getattr(module, "__file__", None) or "").startswith(prefix)}


def bytecode(source: bytes, name: str) -> bytes:
    code = compile(source, name, "exec", dont_inherit=True)
    return importlib.util.MAGIC_NUMBER + UNCHECKED_HASH + importlib.util.source_hash(source) + marshal.dumps(code)


def precompiled(archive: str, modules: set[str]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(archive) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as target:
        for member in source.infolist():
            data = source.read(member)
            name = member.filename
            if name in modules and name.endswith(".py"):
                data, name = bytecode(data, name), name + "c"
            # The member's own date: the same input always gives the same bytes (and the same hash).
            target.writestr(zipfile.ZipInfo(name, date_time=member.date_time), data)
    return out.getvalue()


def main() -> bytes:
    """The new zip's bytes, once the checks are imported and each has run, as the worker does."""
    import worksheets.checks.api as checks  # noqa: PLC0415 - only here is the wheel unpacked

    checks.warm_up()
    return precompiled(STDLIB_ZIP, imported_from(STDLIB_ZIP))
