"""Vendor Apache ECharts into the package from the npm registry (no CDN at run time).

    python tools/vendor_echarts.py            # the pinned version below
    python tools/vendor_echarts.py 6.1.0      # another version (then update VERSION here)

Runs ``npm pack echarts@VERSION`` in a temporary folder (npm checks the tarball against
the registry's integrity hash), and copies into src/detente/web/static/vendor/echarts/:

    echarts.min.js   dist/echarts.min.js, the full minified UMD build (charts, geo, graph, brush)
    LICENSE          Apache License 2.0, from the package
    NOTICE           the package's NOTICE (Apache ECharts, The Apache Software Foundation)
    LICENSE-d3       BSD-3-Clause licence of d3 code ECharts includes (package licenses/)
    VERSION          version, tarball URL, npm integrity and SHA-256 of echarts.min.js

The dashboard loads echarts.min.js from /static/vendor/echarts/; ``detente report``
inlines it into its single HTML file.
"""
from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

VERSION = "6.1.0"
OUT = Path(__file__).resolve().parents[1] / "src" / "detente" / "web" / "static" / "vendor" / "echarts"
FILES = {"package/dist/echarts.min.js": "echarts.min.js", "package/LICENSE": "LICENSE",
         "package/NOTICE": "NOTICE", "package/licenses/LICENSE-d3": "LICENSE-d3"}


def main(version: str = VERSION) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        res = subprocess.run(["npm", "pack", f"echarts@{version}", "--json"], cwd=tmp, check=True,
                             capture_output=True, text=True)
        info = json.loads(res.stdout)[0]
        OUT.mkdir(parents=True, exist_ok=True)
        with tarfile.open(Path(tmp) / info["filename"]) as tar:
            for member, name in FILES.items():
                src = tar.extractfile(member)
                if src is None:
                    raise SystemExit(f"{member} is missing from echarts {version}")
                with (OUT / name).open("wb") as dst:
                    shutil.copyfileobj(src, dst)
    js = (OUT / "echarts.min.js").read_bytes()
    if b"</script" in js.lower():
        raise SystemExit("echarts.min.js contains '</script': it could not be inlined into the report as is")
    (OUT / "VERSION").write_text(
        f"echarts {info['version']}\n"
        f"tarball https://registry.npmjs.org/echarts/-/echarts-{info['version']}.tgz\n"
        f"integrity {info['integrity']}\n"
        f"sha256(echarts.min.js) {hashlib.sha256(js).hexdigest()}\n")
    print(f"vendored echarts {info['version']} into {OUT} ({len(js):,} bytes)")


if __name__ == "__main__":
    main(*sys.argv[1:2])
