"""Reading rendered PDFs in tests: the QR code on a page, decoded by a real decoder."""

import subprocess
from pathlib import Path

import zxingcpp
from PIL import Image


def decode_qr(pdf: Path, workdir: Path, page: int = 1) -> str:
    """Render one page to PNG with pdftoppm and decode its QR code with zxing-cpp."""
    prefix = workdir / f"qr-page{page}"
    subprocess.run(
        ["pdftoppm", "-r", "150", "-png", "-f", str(page), "-l", str(page), str(pdf), str(prefix)],
        check=True,
    )
    (png,) = workdir.glob(f"qr-page{page}*.png")
    codes = [
        result.text
        for result in zxingcpp.read_barcodes(Image.open(png))
        if result.format == zxingcpp.BarcodeFormat.QRCode
    ]
    assert len(codes) == 1, codes
    return codes[0]
