"""Numbers as German readers write them: a decimal comma, no ".0" on whole numbers.

Messages, the change history and CSV exports put numbers into text themselves (``%s``
of a Decimal gives "66.7" or "80.0"), so they format them here; templates localise on
their own (``{{ value }}`` with the German locale).
"""

from decimal import Decimal


def number(value) -> str:
    """``Decimal("80.0")`` → "80", ``Decimal("66.7")`` → "66,7", ``Decimal("12.50")``
    → "12,50" (the places a value was stored with stay, unless all are zero);
    ``None`` → ""."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, float):
        value = Decimal(repr(value))
    if isinstance(value, Decimal):
        if value == value.to_integral_value():
            return str(value.to_integral_value())
        return str(value).replace(".", ",")
    return str(value)


def percent(value) -> str:
    """``Decimal("80.0")`` → "80 %", ``66.7`` → "66,7 %" (German: a space before %)."""
    return f"{number(value)} %" if value is not None else ""
