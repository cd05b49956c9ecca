"""A headless LibreOffice driven through UNO: shared by the tests' copy editor and the bench.

Run with Debian's /usr/bin/python3 (python3-uno).
"""
import subprocess
import time
import uuid

import uno
from com.sun.star.beans import PropertyValue
from com.sun.star.connection import NoConnectException


def prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


def connect(profile, tag="lo", timeout=120, quiet=False):
    """Starts soffice with its own profile and returns (process, Desktop) once it answers."""
    pipe = "%s_%s" % (tag, uuid.uuid4().hex[:8])
    office = subprocess.Popen([
        "/usr/bin/soffice", "--headless", "--invisible", "--norestore", "--nologo",
        "-env:UserInstallation=file://" + profile,
        "--accept=pipe,name=%s;urp;StarOffice.ComponentContext" % pipe,
    ], stdout=subprocess.DEVNULL if quiet else None, stderr=subprocess.DEVNULL if quiet else None)
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    deadline = time.time() + timeout
    while True:
        try:
            ctx = resolver.resolve("uno:pipe,name=%s;urp;StarOffice.ComponentContext" % pipe)
            return office, ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        except NoConnectException:
            # Give up when soffice died or never answered: a hang would stall the whole suite.
            if time.time() > deadline or office.poll() is not None:
                raise
            time.sleep(0.3)
