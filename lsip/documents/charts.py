"""Charts of a document as vector images: each Vega-Lite spec drawn once by vl-convert (no
browser) as SVG for the web page and the PDF, and as PNG for Word."""

import functools
import json
import re

import vl_convert as vlc


@functools.lru_cache(maxsize=64)
def _svg(spec_json: str) -> str:
    return gradients_in_user_space(vlc.vegalite_to_svg(json.loads(spec_json)))


_GRADIENT_FILL = re.compile(
    r'd="M0,0h(?P<w>[\d.]+)v(?P<h>[\d.]+)h-[\d.]+Z" fill="url\(#(?P<id>[\w-]+)\)"'
)


def gradients_in_user_space(text: str) -> str:
    """Vega draws a colour scale's legend as a rectangle at its origin filled with a gradient
    in the rectangle's own units (objectBoundingBox), which WeasyPrint leaves blank. Each such
    gradient is given in user units of that rectangle instead, which every renderer draws."""
    for found in _GRADIENT_FILL.finditer(text):
        width, height = float(found["w"]), float(found["h"])
        pattern = re.compile(rf'<linearGradient id="{re.escape(found["id"])}"(?P<attrs>[^>]*)>')
        match = pattern.search(text)
        if match is None or "gradientUnits" in match["attrs"]:
            continue

        def scaled(m, width=width, height=height):
            size = width if m[1].startswith("x") else height
            return f'{m[1]}="{float(m[2]) * size:g}"'

        attrs = re.sub(r'\b([xy][12])="([\d.eE+-]+)"', scaled, match["attrs"])
        text = (
            text[: match.start()]
            + f'<linearGradient id="{found["id"]}" gradientUnits="userSpaceOnUse"{attrs}>'
            + text[match.end() :]
        )
    return text


@functools.lru_cache(maxsize=64)
def _png(spec_json: str) -> bytes:
    return vlc.vegalite_to_png(json.loads(spec_json), scale=2)


def _key(spec: dict) -> str:
    return json.dumps(spec, sort_keys=True)


def svg(spec: dict) -> str:
    """The chart as an SVG element (its XML declaration removed), for inline use."""
    text = _svg(_key(spec))
    if text.startswith("<?xml"):
        text = text.split("?>", 1)[1]
    return text.strip()


def png(spec: dict) -> bytes:
    return _png(_key(spec))
