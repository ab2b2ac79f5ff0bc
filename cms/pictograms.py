"""Simple pictograms for the demo materials, drawn with Pillow (no text in the pictures).

Pictures without words work in every language; each is a few shapes on a light disc.
"""

import io

from PIL import Image, ImageDraw

SIZE = 240
INK = (27, 27, 27)
BLUE = (11, 90, 143)
RED = (178, 34, 34)
GREEN = (30, 120, 60)
LIGHT = {"default": (238, 245, 251), "warm": (253, 240, 226), "bad": (250, 232, 232)}


def _window(d, tilted=False):
    d.rectangle((60, 50, 180, 190), outline=INK, width=8)
    d.line((120, 50, 120, 190), fill=INK, width=6)
    if tilted:
        d.polygon([(124, 58), (176, 70), (176, 186), (124, 186)], outline=BLUE, width=6)
    else:
        d.polygon([(124, 54), (200, 30), (200, 214), (124, 186)], outline=BLUE, width=6)
        for y in (80, 120, 160):
            d.arc((10, y - 20, 60, y + 20), 300, 60, fill=BLUE, width=5)


def _radiator(d):
    for x in range(55, 190, 27):
        d.rounded_rectangle((x, 70, x + 20, 190), radius=8, outline=INK, width=6)
    d.line((50, 185, 195, 185), fill=INK, width=6)
    for x in (80, 120, 160):
        d.arc((x - 12, 20, x + 12, 60), 90, 270, fill=RED, width=5)


def _mould(d):
    d.rectangle((40, 40, 200, 200), outline=INK, width=6)
    for cx, cy, r in ((160, 70, 16), (175, 100, 10), (145, 95, 9), (170, 130, 7), (135, 65, 7)):
        d.ellipse((cx - r, cy - r, cx + r, cy + r), fill=(60, 70, 50))


def _contract(d):
    d.rectangle((65, 35, 175, 205), outline=INK, width=6)
    for y in (70, 95, 120, 145):
        d.line((85, y, 155, y), fill=INK, width=5)
    d.line((95, 180, 120, 170), fill=BLUE, width=5)
    d.line((120, 170, 150, 185), fill=BLUE, width=5)


def _coin(d):
    d.ellipse((55, 55, 185, 185), outline=INK, width=8)
    d.ellipse((80, 80, 160, 160), outline=(180, 140, 20), width=8)


def _letter(d):
    d.rectangle((40, 70, 200, 180), outline=INK, width=7)
    d.line((40, 70, 120, 135), fill=INK, width=7)
    d.line((200, 70, 120, 135), fill=INK, width=7)


def _house(d):
    d.polygon([(120, 35), (205, 110), (35, 110)], outline=INK, width=8)
    d.rectangle((60, 110, 180, 200), outline=INK, width=8)
    d.rectangle((105, 145, 135, 200), fill=BLUE)


def _drop(d):
    d.polygon([(120, 35), (165, 120), (75, 120)], fill=BLUE)
    d.ellipse((72, 95, 168, 195), fill=BLUE)


def _calendar(d):
    d.rectangle((50, 60, 190, 195), outline=INK, width=7)
    d.rectangle((50, 60, 190, 90), fill=RED)
    for x in (80, 120, 160):
        for y in (120, 160):
            d.rectangle((x - 10, y - 10, x + 10, y + 10), fill=INK)


def _bin(d):
    d.rectangle((70, 75, 170, 200), outline=INK, width=8)
    d.rectangle((60, 55, 180, 75), fill=GREEN)
    for x in (95, 120, 145):
        d.line((x, 95, x, 180), fill=INK, width=5)


def _bottle(d):
    d.rectangle((108, 30, 132, 80), outline=INK, width=6)
    d.rounded_rectangle((85, 80, 155, 205), radius=18, outline=INK, width=7)
    d.ellipse((100, 125, 140, 165), outline=GREEN, width=6)


def _sofa(d):
    d.rounded_rectangle((45, 100, 195, 170), radius=16, outline=INK, width=8)
    d.rectangle((70, 75, 170, 110), outline=INK, width=7)
    d.line((60, 170, 60, 195), fill=INK, width=8)
    d.line((180, 170, 180, 195), fill=INK, width=8)


def _moon(d):
    d.ellipse((60, 50, 180, 170), fill=INK)
    d.ellipse((90, 35, 200, 150), fill=LIGHT["default"])


def _stairs(d):
    points = [(40, 200), (40, 170), (80, 170), (80, 135), (120, 135), (120, 100), (160, 100)]
    points += [(160, 65), (200, 65), (200, 200)]
    d.line([*points, (40, 200)], fill=INK, width=8)


def _meter(d):
    d.rounded_rectangle((55, 45, 185, 195), radius=12, outline=INK, width=7)
    d.rectangle((75, 75, 165, 110), outline=INK, width=5)
    for x in (88, 110, 132, 154):
        d.line((x, 82, x, 103), fill=BLUE, width=5)
    d.ellipse((105, 135, 135, 165), outline=INK, width=5)


def _bolt(d):
    d.polygon([(135, 30), (70, 130), (115, 130), (95, 210), (170, 100), (125, 100)], fill=BLUE)


def _bank(d):
    d.polygon([(120, 35), (205, 85), (35, 85)], fill=INK)
    for x in (60, 100, 140, 180):
        d.rectangle((x - 8, 95, x + 8, 175), fill=INK)
    d.rectangle((40, 180, 200, 200), fill=INK)


def _arrow(d):
    d.line((45, 120, 175, 120), fill=INK, width=12)
    d.polygon([(195, 120), (160, 90), (160, 150)], fill=INK)


def _help(d):
    d.ellipse((50, 50, 190, 190), outline=GREEN, width=10)
    d.arc((95, 75, 145, 125), 180, 90, fill=GREEN, width=10)
    d.line((120, 125, 120, 145), fill=GREEN, width=10)
    d.ellipse((112, 158, 128, 174), fill=GREEN)


def _wrench(d):
    d.line((70, 175, 165, 80), fill=INK, width=18)
    d.ellipse((145, 45, 200, 100), outline=INK, width=12)
    d.ellipse((45, 150, 95, 200), fill=INK)


def _mailbox(d):
    d.rounded_rectangle((55, 70, 185, 160), radius=30, outline=INK, width=8)
    d.line((80, 110, 160, 110), fill=INK, width=7)
    d.line((120, 160, 120, 210), fill=INK, width=10)


def _office(d):
    d.rectangle((60, 45, 180, 205), outline=INK, width=8)
    for x in (85, 135):
        for y in (70, 110, 150):
            d.rectangle((x, y, x + 20, y + 22), fill=BLUE)


DRAW = {
    "window": (_window, "default"),
    "tilted": (lambda d: _window(d, tilted=True), "bad"),
    "radiator": (_radiator, "warm"),
    "mould": (_mould, "bad"),
    "contract": (_contract, "default"),
    "coin": (_coin, "warm"),
    "letter": (_letter, "default"),
    "house": (_house, "default"),
    "drop": (_drop, "default"),
    "calendar": (_calendar, "default"),
    "bin": (_bin, "default"),
    "bottle": (_bottle, "default"),
    "sofa": (_sofa, "warm"),
    "moon": (_moon, "default"),
    "stairs": (_stairs, "default"),
    "meter": (_meter, "default"),
    "bolt": (_bolt, "warm"),
    "bank": (_bank, "default"),
    "arrow": (_arrow, "default"),
    "help": (_help, "default"),
    "wrench": (_wrench, "default"),
    "mailbox": (_mailbox, "default"),
    "office": (_office, "default"),
}


def pictogram_png(name: str, size: int = SIZE) -> bytes:
    """PNG bytes of one pictogram (240 × 240 pixels, or enlarged to ``size``)."""
    draw_fn, tone = DRAW[name]
    image = Image.new("RGB", (SIZE, SIZE), "white")
    draw = ImageDraw.Draw(image)
    draw.ellipse((4, 4, SIZE - 4, SIZE - 4), fill=LIGHT[tone])
    draw_fn(draw)
    if size != SIZE:
        image = image.resize((size, size), Image.Resampling.LANCZOS)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()
