"""JSON-in/JSON-out entry point shared by the browser worker and the tests.

A request is `{"check": NAME, "input": {...}}`; the answer is the check's result dict.
Checks are dispatched through `CHECKS`, so a new check is one entry here, not a new branch.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from . import safety, smart, steps

#: Check name (as used in worksheet specs) -> function taking the input fields as keywords.
CHECKS: dict[str, Callable[..., dict[str, Any]]] = {
    "smart": smart.check_goal,
    "steps": steps.check_step,
    "safety": safety.check_text,
}


#: An ordinary entry each check reads once in `warm_up`.
WARM_UP_TEXT = "Walk for 20 minutes every morning this month"


def warm_up() -> None:
    """Run every check once, so their patterns are compiled (the first check otherwise pays for it,
    hundreds of milliseconds in Pyodide) and a memory snapshot taken afterwards keeps them compiled."""
    for check in CHECKS.values():
        check(WARM_UP_TEXT)


def handle(request_json: str) -> str:
    """Run one check request and return its result as JSON."""
    request = json.loads(request_json)
    check = CHECKS[request["check"]]
    return json.dumps(check(**request.get("input", {})), ensure_ascii=False)
