"""Build the dashboard's world outline from the npm package world-atlas.

    npm pack world-atlas@2.0.2            # world-atlas-2.0.2.tgz (ISC; Natural Earth data, public domain)
    python tools/build_world_outline.py world-atlas-2.0.2.tgz

Decodes land-110m.json (TopoJSON) into a GeoJSON MultiPolygon with coordinates
rounded to 0.1 degree and tiny rings dropped, written to
src/detente/web/static/world-110m.geojson (committed; the dashboard and the static
report load it, so nothing is fetched at run time).
"""
from __future__ import annotations

import json
import sys
import tarfile
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src" / "detente" / "web" / "static" / "world-110m.geojson"


def decode_arcs(topo: dict) -> list[list[tuple[float, float]]]:
    sx, sy = topo["transform"]["scale"]
    tx, ty = topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        pts = []
        for dx, dy in arc:
            x += dx
            y += dy
            pts.append((x * sx + tx, y * sy + ty))
        arcs.append(pts)
    return arcs


def ring(arcs: list, indexes: list[int]) -> list[tuple[float, float]]:
    pts: list[tuple[float, float]] = []
    for i in indexes:
        a = arcs[i] if i >= 0 else arcs[~i][::-1]
        pts.extend(a if not pts else a[1:])
    return pts


def simplify(pts: list[tuple[float, float]], digits: int = 1) -> list[list[float]]:
    out: list[list[float]] = []
    for x, y in pts:
        p = [round(x, digits), round(y, digits)]
        if not out or p != out[-1]:
            out.append(p)
    if out and out[0] != out[-1]:
        out.append(out[0])
    return out


def unwrap(r: list[list[float]]) -> list[list[float]]:
    """Rings cut by the antimeridian jump from +180 to -180; shift their western points
    by 360 degrees so they stay whole (the part past 180 falls outside the map)."""
    if not any(abs(r[i + 1][0] - r[i][0]) > 180 for i in range(len(r) - 1)):
        return r
    moved = [[x + 360 if x < 0 else x, y] for x, y in r]
    span = max(x for x, _ in moved) - min(x for x, _ in moved)
    return moved if span < 180 else r


def area(r: list[list[float]]) -> float:
    return abs(sum(r[i][0] * r[i + 1][1] - r[i + 1][0] * r[i][1] for i in range(len(r) - 1))) / 2


def build(topo: dict, min_area: float = 0.3) -> dict:
    arcs = decode_arcs(topo)
    polys = []
    for geom in topo["objects"]["land"]["geometries"]:
        parts = geom["arcs"] if geom["type"] == "MultiPolygon" else [geom["arcs"]]
        for poly in parts:
            rings = [unwrap(simplify(ring(arcs, r))) for r in poly]
            rings = [r for r in rings if len(r) >= 4 and area(r) >= min_area]
            if rings:
                polys.append(rings)
    return {"type": "FeatureCollection", "features": [{
        "type": "Feature",
        "properties": {"name": "land", "source": "world-atlas 2.0.2 land-110m (Natural Earth 4.1.0)"},
        "geometry": {"type": "MultiPolygon", "coordinates": polys},
    }]}


def main(src: str) -> None:
    if src.endswith(".tgz"):
        with tarfile.open(src) as tar:
            topo = json.load(tar.extractfile("package/land-110m.json"))  # type: ignore[arg-type]
    else:
        topo = json.loads(Path(src, "land-110m.json").read_text())
    OUT.write_text(json.dumps(build(topo), separators=(",", ":")) + "\n")
    print(f"wrote {OUT} ({OUT.stat().st_size} bytes)")


if __name__ == "__main__":
    main(sys.argv[1])
