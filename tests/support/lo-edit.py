#!/usr/bin/python3
"""Edits returned copies in LibreOffice the way recipients do, through UNO.

Usage: lo-edit.py SPEC.json
SPEC: {"profile": "/tmp/x", "jobs": [{"in": ".xlsx", "out": ".xlsx", "sheet": "name",
        "statuses": [[taskId, status, progress]], "paste": [taskId, "text"],
        "sort": true, "insertRow": 4}]}
Each job: unprotect the sheet (no password, as recipients do), type statuses and progress
by 序号, paste a status over a validated cell (which drops the cell's validation), sort
the data rows by 政策内容, insert a row inside the data, save as .xlsx.
Run with Debian's /usr/bin/python3 (python3-uno).
"""
import json
import os
import sys

import uno

from lo_session import connect, prop  # the script's own folder is on sys.path


def find_row(sheet, task_id, last_row):
    for r in range(0, last_row + 1):
        cell = sheet.getCellByPosition(0, r)
        if cell.getType().value == "VALUE" and int(cell.getValue()) == task_id:
            return r
    raise RuntimeError("task %s not found on %s" % (task_id, sheet.Name))


def edit(desktop, job):
    doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(os.path.abspath(job["in"])), "_blank", 0, (prop("Hidden", True),))
    try:
        sheet = doc.Sheets.getByName(job["sheet"])
        sheet.unprotect("")
        cursor = sheet.createCursor()
        cursor.gotoEndOfUsedArea(False)
        last = cursor.RangeAddress.EndRow
        for task_id, status, progress in job.get("statuses", []):
            r = find_row(sheet, task_id, last)
            sheet.getCellByPosition(6, r).setString(status)
            sheet.getCellByPosition(7, r).setString(progress)
        if job.get("paste"):
            task_id, text = job["paste"]
            cell = sheet.getCellByPosition(6, find_row(sheet, task_id, last))
            validation = cell.Validation
            validation.Type = uno.Enum("com.sun.star.sheet.ValidationType", "ANY")
            cell.Validation = validation
            cell.setString(text)
        if job.get("sort"):
            rng = sheet.getCellRangeByPosition(0, 2, 13, last)
            field = uno.createUnoStruct("com.sun.star.table.TableSortField")
            field.Field = 1
            field.IsAscending = False
            desc = rng.createSortDescriptor()
            for p in desc:
                if p.Name == "SortFields":
                    p.Value = uno.Any("[]com.sun.star.table.TableSortField", (field,))
            rng.sort(desc)
        if job.get("insertRow"):
            sheet.Rows.insertByIndex(job["insertRow"] - 1, 1)
            sheet.getCellByPosition(1, job["insertRow"] - 1).setString("(单位自行插入的备注行)")
        doc.storeToURL(uno.systemPathToFileUrl(os.path.abspath(job["out"])), (prop("FilterName", "Calc MS Excel 2007 XML"),))
    finally:
        doc.close(True)


def main():
    spec = json.load(open(sys.argv[1], encoding="utf-8"))
    office, desktop = connect(spec["profile"], "lo_edit", timeout=90)
    try:
        for job in spec["jobs"]:
            edit(desktop, job)
    finally:
        try:
            desktop.terminate()
        except Exception:  # the office process may already be gone; the wait below settles it
            pass
        office.wait(timeout=60)


if __name__ == "__main__":
    main()
