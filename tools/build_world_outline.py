"""Build the dashboard's world outline from the npm package world-atlas.

    npm pack world-atlas@2.0.2            # world-atlas-2.0.2.tgz (ISC; Natural Earth data, public domain)
    python tools/build_world_outline.py world-atlas-2.0.2.tgz

Decodes land-110m.json (TopoJSON) into a GeoJSON MultiPolygon with coordinates
rounded to 0.1 degree, rings that cross the antimeridian cut at +-180 (see
cut_antimeridian) and tiny rings dropped, written to
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


def cut_antimeridian(r: list[list[float]]) -> list[list[list[float]]]:
    """world-atlas stitches polygons across the antimeridian (for d3-geo's spherical
    clipping): a ring then jumps from +180 to -180 longitude, and a flat (planar) map
    draws that jump as a band across the whole world (Chukotka's at 65-70 N). Cut such
    a ring at +-180 into one ring per side, each closed along the meridian; a ring that
    crosses once goes round a pole (Antarctica) and is closed along that pole's edge."""
    jumps = [i for i in range(len(r) - 1) if abs(r[i + 1][0] - r[i][0]) > 180]
    if not jumps:
        return [[[min(180.0, max(-180.0, x)), y] for x, y in r]]
    if len(jumps) > 2:
        raise ValueError(f"a ring crosses the antimeridian {len(jumps)} times: cut it by hand")
    pts = r[:-1]
    start = (jumps[0] + 1) % len(pts)  # rotate so that the walk starts just after a crossing
    ring = pts[start:] + pts[:start] + [pts[start]]
    pieces: list[list[list[float]]] = [[]]
    for a, b in zip(ring, ring[1:]):
        pieces[-1].append(a)
        if abs(b[0] - a[0]) > 180:
            side = 180.0 if a[0] > 0 else -180.0
            bx = b[0] + 360 if side > 0 else b[0] - 360
            lat = a[1] if bx == a[0] else round(a[1] + (side - a[0]) * (b[1] - a[1]) / (bx - a[0]), 4)
            pieces[-1].append([side, lat])
            pieces.append([[-side, lat]])
    # the last piece ends where the first began (the walk started after a crossing)
    last = pieces.pop()
    pieces[0] = last + pieces[0]
    out = []
    for piece in pieces:
        x0, x1 = piece[0][0], piece[-1][0]
        if abs(x0) == 180 and abs(x1) == 180 and x0 != x1:  # round a pole
            pole = -90.0 if sum(y for _, y in piece) / len(piece) < 0 else 90.0
            piece = piece + [[x1, pole], [x0, pole]]
        out.append(piece + [piece[0]])
    return out


def area(r: list[list[float]]) -> float:
    return abs(sum(r[i][0] * r[i + 1][1] - r[i + 1][0] * r[i][1] for i in range(len(r) - 1))) / 2


def build(topo: dict, min_area: float = 0.3) -> dict:
    arcs = decode_arcs(topo)
    polys = []
    for geom in topo["objects"]["land"]["geometries"]:
        parts = geom["arcs"] if geom["type"] == "MultiPolygon" else [geom["arcs"]]
        for poly in parts:
            rings = [cut_antimeridian(simplify(ring(arcs, r))) for r in poly]
            outer = [r for r in rings[0] if len(r) >= 4 and area(r) >= min_area]
            holes = [h for cut in rings[1:] for h in cut if len(h) >= 4 and area(h) >= min_area]
            for i, r in enumerate(outer):  # holes stay with the first part of a cut ring (none cross in 110m)
                polys.append([r, *holes] if i == 0 else [r])
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
