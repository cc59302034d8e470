"""The newsletter's section of the home page (the same for every reader): a call to
subscribe and the latest issue."""

from typing import Any

from inspir.newsletters.selectors.issues import latest_issue


def home_context(request: Any) -> dict[str, Any]:
    return {"latest": latest_issue()}
