import datetime as dt
import zoneinfo

import pytest
import time_machine

# The housing tests' "today": dates in the factories lie before it.
TODAY = dt.date(2026, 11, 2)


@pytest.fixture
def frozen_today():
    moment = dt.datetime(2026, 11, 2, 10, tzinfo=zoneinfo.ZoneInfo("Europe/Berlin"))
    with time_machine.travel(moment, tick=False):
        yield TODAY
