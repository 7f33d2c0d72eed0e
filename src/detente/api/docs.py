"""/docs without a CDN: Swagger UI from the ``swagger-ui-bundle`` package when it is
installed, otherwise a plain HTML page generated from the OpenAPI schema.
/openapi.json is always there."""
from __future__ import annotations

import html
from pathlib import Path
from typing import Any

from fastapi import FastAPI
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles


def _swagger_dir() -> Path | None:
    try:
        from swagger_ui_bundle import swagger_ui_path  # type: ignore[import-not-found]
    except ImportError:
        return None
    p = Path(str(swagger_ui_path))
    return p if (p / "swagger-ui-bundle.js").exists() else None


def _param(p: dict[str, Any]) -> str:
    schema = p.get("schema", {})
    bits = [schema.get("type") or "/".join(x.get("type", "?") for x in schema.get("anyOf", []))]
    for k in ("pattern", "maxLength", "minimum", "maximum", "enum", "default"):
        if k in schema:
            bits.append(f"{k}={schema[k]}")
    desc = p.get("description") or schema.get("description") or ""
    req = " (required)" if p.get("required") else ""
    return (f"<tr><td><code>{html.escape(p['name'])}</code>{req}</td><td>{html.escape(p.get('in', ''))}</td>"
            f"<td>{html.escape(', '.join(map(str, bits)))}</td><td>{html.escape(desc)}</td></tr>")


def plain_docs(spec: dict[str, Any]) -> str:
    parts = [f"<h1>{html.escape(spec['info']['title'])}</h1><p>{html.escape(spec['info'].get('description', ''))}</p>",
             "<p>Machine-readable schema: <a href='/openapi.json'>/openapi.json</a>. "
             "When a token is set, send <code>Authorization: Bearer TOKEN</code>.</p>"]
    for path, ops in spec.get("paths", {}).items():
        for method, op in ops.items():
            parts.append(f"<h2><code>{method.upper()} {html.escape(path)}</code></h2>"
                         f"<p>{html.escape(op.get('description') or op.get('summary') or '')}</p>")
            params = op.get("parameters", [])
            if params:
                parts.append("<table><tr><th>name</th><th>in</th><th>schema</th><th>description</th></tr>"
                             + "".join(_param(p) for p in params) + "</table>")
    style = ("body{font:14px system-ui,sans-serif;max-width:60em;margin:2em auto;padding:0 1em}"
             "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:2px 6px;text-align:left}"
             "h2{font-size:1.05em;margin-top:1.6em}")
    return (f"<!doctype html><html><head><meta charset='utf-8'><title>detente API</title><style>{style}</style>"
            f"</head><body>{''.join(parts)}</body></html>")


def install_docs(app: FastAPI) -> None:
    assets = _swagger_dir()
    if assets is not None:
        app.mount("/docs/assets", StaticFiles(directory=assets), name="docs-assets")

        @app.get("/docs", include_in_schema=False)
        async def swagger() -> HTMLResponse:
            return get_swagger_ui_html(
                openapi_url=app.openapi_url or "/openapi.json", title="detente API",
                swagger_js_url="/docs/assets/swagger-ui-bundle.js",
                swagger_css_url="/docs/assets/swagger-ui.css",
                swagger_favicon_url="/docs/assets/favicon-32x32.png",
            )
    else:
        @app.get("/docs", include_in_schema=False)
        async def docs() -> HTMLResponse:
            return HTMLResponse(plain_docs(app.openapi()))
