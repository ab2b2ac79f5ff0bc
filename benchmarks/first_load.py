"""Measure a page's first load as a phone on a weak signal sees it.

Chrome DevTools' "Slow 3G" profile (as Puppeteer's ``PredefinedNetworkConditions``:
2000 ms round trip, 50,000 bytes/s down and up), 4× CPU slowdown, a 360×740 screen
and an empty cache, set through the Chrome DevTools Protocol
(``Network.emulateNetworkConditions``, ``Emulation.setCPUThrottlingRate``). The
session cookie is copied from a context that signed in, nothing else: no cache, no
service worker. Bytes are what went over the wire (``encodedDataLength``, compressed).
"""

import time
from dataclasses import dataclass, field

SLOW_3G = {"latency": 2000, "downloadThroughput": 50_000, "uploadThroughput": 50_000}
PHONE = {"width": 360, "height": 740}


@dataclass
class Load:
    """``seconds``/``bytes``: until the load event (the page is shown and usable);
    ``complete_*``: until ``complete_selector`` appeared (e.g. the admin's scripts that
    the housing task screens load after the page), with every byte until then."""

    seconds: float
    bytes: int
    requests: list[tuple[str, int]] = field(default_factory=list)
    complete_seconds: float | None = None
    complete_bytes: int | None = None

    @property
    def kib(self) -> float:
        return self.bytes / 1024

    def summary(self) -> str:
        text = f"load event {self.seconds:.1f} s, {self.kib:.0f} KiB"
        if self.complete_seconds is not None:
            text += (
                f"; admin scripts in place {self.complete_seconds:.1f} s, "
                f"{self.complete_bytes / 1024:.0f} KiB"
            )
        return text


def first_load(
    browser, storage_state, url: str, network=SLOW_3G, cpu_slowdown=4, complete_selector=None
) -> Load:
    """Open ``url`` in a fresh context (cookies of ``storage_state`` only) and wait for
    the load event; the bytes of every response that arrived until then."""
    context = browser.new_context(
        storage_state={"cookies": storage_state["cookies"], "origins": []},
        viewport=PHONE,
        locale="de-DE",
        timezone_id="Europe/Berlin",
        service_workers="block",  # "first load": nothing installed yet
    )
    try:
        page = context.new_page()
        page.set_default_timeout(120_000)
        cdp = context.new_cdp_session(page)
        cdp.send("Network.enable")
        cdp.send("Network.clearBrowserCache")
        cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
        cdp.send("Network.emulateNetworkConditions", {"offline": False, **network})
        cdp.send("Emulation.setCPUThrottlingRate", {"rate": cpu_slowdown})
        urls, sizes = {}, []
        cdp.on(
            "Network.requestWillBeSent",
            lambda event: urls.__setitem__(event["requestId"], event["request"]["url"]),
        )
        cdp.on(
            "Network.loadingFinished",
            lambda event: sizes.append(
                (urls.get(event["requestId"], "?"), int(event["encodedDataLength"]))
            ),
        )
        started = time.monotonic()
        page.goto(url, wait_until="load")
        seconds = time.monotonic() - started
        load = Load(seconds, sum(size for _url, size in sizes), list(sizes))
        if complete_selector:
            page.wait_for_selector(complete_selector, state="attached")
            load.complete_seconds = time.monotonic() - started
            load.complete_bytes = sum(size for _url, size in sizes)
        return load
    finally:
        context.close()


def sign_in(browser, base_url: str, username: str, password: str) -> dict:
    context = browser.new_context()
    try:
        page = context.new_page()
        page.goto(f"{base_url}/admin/login/")
        page.fill("input[name=username]", username)
        page.fill("input[name=password]", password)
        page.click("button[type=submit]")
        page.wait_for_url(f"{base_url}/admin/**")
        return context.storage_state()
    finally:
        context.close()
