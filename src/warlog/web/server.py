"""Runs the app under uvicorn."""

from __future__ import annotations


def serve(db: str, host: str, port: int, **settings) -> None:
    import uvicorn

    from warlog.web.app import Settings, create_app

    app = create_app(Settings(db=db, **settings))
    print(f"warlog review desk on http://{host}:{port}/ (Ctrl-C stops it)", flush=True)
    uvicorn.run(app, host=host, port=port, log_level="warning", proxy_headers=False)
