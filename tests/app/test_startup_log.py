"""A clean start: Streamlit's notice about caches defined before its runtime exists is dropped then,
and only then."""

from __future__ import annotations

import logging

from app import startup_log


def _record(message: str) -> logging.LogRecord:
    return logging.LogRecord(startup_log.CACHE_LOGGER, logging.WARNING, __file__, 1, message, None, None)


def test_the_notice_is_dropped_while_no_runtime_exists(monkeypatch):
    from streamlit import runtime

    monkeypatch.setattr(runtime, "exists", lambda: False)
    notice = startup_log.BeforeRuntimeNotice()
    assert not notice.filter(_record(startup_log.NOTICE))
    assert notice.filter(_record("Cache params for function f are incompatible"))  # a real problem prints
    monkeypatch.setattr(runtime, "exists", lambda: True)
    assert notice.filter(_record(startup_log.NOTICE))


def test_importing_the_app_installs_the_filter_once():
    import app  # noqa: F401

    startup_log.install()
    filters = logging.getLogger(startup_log.CACHE_LOGGER).filters
    assert sum(isinstance(f, startup_log.BeforeRuntimeNotice) for f in filters) == 1
