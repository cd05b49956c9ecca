#!/usr/bin/python3
"""Times recalculation of trackers in LibreOffice Calc, headless, through UNO.

Usage: lo-recalc.py SPEC.json   (run with Debian's /usr/bin/python3, which has python3-uno)
SPEC: {"profile": "/tmp/x", "files": [{"file": ".xlsx", "sheet": "unit sheet",
        "statusColumn": 6, "firstRow": 2, "rows": [2, 40, 90],
        "check": {"sheet": "汇总", "column": 1, "row": 10}}], "repeats": 3}
(rows and columns 0-based). For each file: open it (timed), a full recalculation
(calculateAll, timed, `repeats` times), then one status typed into `sheet` at each of `rows`
followed by calculate() — the recalculation of what that edit made dirty, which is what a
unit or the coordinator waits for after changing one cell. `check` is a roll-up cell that
must move with the edits (done assignments), so a timing of nothing is caught.
Prints one JSON object on stdout.
"""
import json
import os
import sys
import time

import uno

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "support"))
from lo_session import connect, prop  # noqa: E402



def measure(desktop, job, repeats):
    t0 = time.perf_counter()
    doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(os.path.abspath(job["file"])), "_blank", 0, (prop("Hidden", True),))
    load_ms = (time.perf_counter() - t0) * 1000
    try:
        check = job["check"]
        check_cell = doc.Sheets.getByName(check["sheet"]).getCellByPosition(check["column"], check["row"])
        full = []
        for _ in range(repeats):
            t0 = time.perf_counter()
            doc.calculateAll()
            full.append((time.perf_counter() - t0) * 1000)
        before = check_cell.getValue()
        sheet = doc.Sheets.getByName(job["sheet"])
        sheet.unprotect("")
        edits = []
        for r in job["rows"]:
            cell = sheet.getCellByPosition(job["statusColumn"], r)
            t0 = time.perf_counter()
            cell.setString("已完成")
            doc.calculate()
            value = check_cell.getValue()
            edits.append((time.perf_counter() - t0) * 1000)
        return {
            "file": os.path.basename(job["file"]),
            "loadMs": round(load_ms),
            "fullRecalcMs": [round(x, 1) for x in full],
            "editRecalcMs": [round(x, 1) for x in edits],
            "checkBefore": before,
            "checkAfter": value,
        }
    finally:
        doc.close(True)


def main():
    spec = json.load(open(sys.argv[1], encoding="utf-8"))
    office, desktop = connect(spec["profile"], "lo_recalc", quiet=True)
    try:
        results = [measure(desktop, job, spec.get("repeats", 3)) for job in spec["files"]]
    finally:
        try:
            desktop.terminate()
        except Exception:  # the office process may already be gone; the wait below settles it
            pass
        office.wait(timeout=60)
    json.dump({"results": results}, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main()
