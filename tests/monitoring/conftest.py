import datetime as dt
import zoneinfo

import pytest
import time_machine

# The monitoring tests' "today": the factories' dates lie before it.
TODAY = dt.date(2026, 12, 1)


@pytest.fixture(autouse=True)
def frozen_today():
    moment = dt.datetime(2026, 12, 1, 10, tzinfo=zoneinfo.ZoneInfo("Europe/Berlin"))
    with time_machine.travel(moment, tick=False):
        yield TODAY
