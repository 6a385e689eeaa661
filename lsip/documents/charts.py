"""Charts of a document as vector images: each Vega-Lite spec drawn once by vl-convert (no
browser) as SVG for the web page and the PDF, and as PNG for Word."""

import functools
import json

import vl_convert as vlc


@functools.lru_cache(maxsize=64)
def _svg(spec_json: str) -> str:
    return vlc.vegalite_to_svg(json.loads(spec_json))


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
