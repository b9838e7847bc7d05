"""Run sync passes in a child process, so a test can SIGKILL it at any moment."""

from __future__ import annotations

import sys

from kiosk.sync.runner import SyncRunner


def main(db_path: str, hub: str, passes: int) -> None:
    runner = SyncRunner(db_path, hub)
    print("ready", flush=True)
    for _ in range(passes):
        report = runner.run_once()
        print("pass", report.summary() if report else runner.status().last_error, flush=True)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]))
