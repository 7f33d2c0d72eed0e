"""The bundled world outline draws on a flat map: no ring jumps across the antimeridian
(that jump was a land band across the world at 65-70 N), and the tool that builds it cuts
such rings into closed pieces on each side."""
from __future__ import annotations

import importlib.util
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
OUTLINE = ROOT / "src" / "detente" / "web" / "static" / "world-110m.geojson"


def tool():
    spec = importlib.util.spec_from_file_location("build_world_outline", ROOT / "tools" / "build_world_outline.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_no_ring_crosses_the_antimeridian():
    world = json.loads(OUTLINE.read_text())
    rings = [r for f in world["features"] for poly in f["geometry"]["coordinates"] for r in poly]
    assert len(rings) > 100
    for r in rings:
        assert r[0] == r[-1]
        assert all(-180 <= x <= 180 and -90 <= y <= 90 for x, y in r)
        # the only long horizontal edges allowed run along a pole (Antarctica's closing edge)
        assert all(abs(a[0] - b[0]) <= 180 or abs(a[1]) == abs(b[1]) == 90 for a, b in zip(r, r[1:]))


def test_cut_antimeridian_closes_each_side():
    cut = tool().cut_antimeridian
    # a box from 170 E to 170 W (190 E) between 60 and 70 N, as world-atlas stitches it
    ring = [[170, 60], [170, 70], [-170, 70], [-170, 60], [170, 60]]
    east, west = sorted(cut(ring), key=lambda r: -r[0][0])
    assert {x for x, _ in east} == {170, 180} and {x for x, _ in west} == {-170, -180}
    assert east[0] == east[-1] and west[0] == west[-1]
    assert sorted({y for x, y in east if x == 180}) == [60, 70]
    # a ring round the south pole crossing once is closed along the pole
    (south,) = cut([[-180, -70], [0, -65], [179, -70], [-179, -70], [-180, -70]][1:] + [[0, -65]])
    assert [-180, -90] in south and [180, -90] in south
    assert cut([[0, 0], [10, 0], [10, 10], [0, 0]]) == [[[0, 0], [10, 0], [10, 10], [0, 0]]]
